package dev.imbot.bootstrap;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.StringArray;
import java.util.List;

/**
 * Replaces this process's program with another (POSIX {@code execv}, through JNA): the process
 * keeps its id, its parent, its standard streams and its signals, so a supervisor, a shell's job
 * control or a container's init sees one process throughout (decision 164).
 */
final class ProcessImage {
  private ProcessImage() {}

  /** Returns only if {@code execv} failed; the caller then goes on in this program. */
  static void replace(String program, List<String> argv) {
    // JNA finds libc by the dynamic loader's own search; without this it first runs `ldconfig -p`
    // (a process of its own) to list the system's library folders.
    if (System.getProperty("jna.platform.library.path") == null) {
      System.setProperty("jna.platform.library.path", "");
    }
    Function execv = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction("execv");
    System.out.flush();
    System.err.flush();
    // StringArray ends the native array with the NULL execv needs.
    execv.invokeInt(new Object[] {program, new StringArray(argv.toArray(new String[0]))});
  }
}
