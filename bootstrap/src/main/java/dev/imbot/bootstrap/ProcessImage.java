package dev.imbot.bootstrap;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.StringArray;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Replaces this process's program with another (POSIX {@code execv}, through JNA): the process
 * keeps its id, its parent, its standard streams and its signals, so a supervisor, a shell's job
 * control or a container's init sees one process throughout (decision 164).
 */
final class ProcessImage {
  private static final int F_SETFD = 2;
  private static final int FD_CLOEXEC = 1;

  private ProcessImage() {}

  /**
   * Returns only if {@code execv} failed; the caller then goes on in this program. The files this
   * JVM opened for itself (those under {@code own}, the JDK's folder and the jar, and the random
   * devices) close with the {@code execv}; whatever the process was started with stays open. JNA's
   * native part is kept in {@code cache} (see {@link #bootLibrary}).
   */
  static void replace(
      String program, List<String> argv, List<String> own, Path cache, long pid, long nonce) {
    // JNA finds libc by the dynamic loader's own search; without this it first runs `ldconfig -p`
    // (a process of its own) to list the system's library folders.
    if (System.getProperty("jna.platform.library.path") == null) {
      System.setProperty("jna.platform.library.path", "");
    }
    bootLibrary(cache, pid, nonce);
    NativeLibrary c = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);
    if (Platform.isLinux()) {
      closeOwnOnExec(c.getFunction("fcntl"), own);
    }
    Function execv = c.getFunction("execv");
    System.out.flush();
    System.err.flush();
    // StringArray ends the native array with the NULL execv needs.
    execv.invokeInt(new Object[] {program, new StringArray(argv.toArray(new String[0]))});
  }

  /**
   * Points JNA at its native part unpacked once into {@code cache}, one folder per JNA version and
   * platform: JNA otherwise unpacks it from the jar into a new temporary file at every start, whose
   * name costs a secure random generator's set-up (with the unpacking, 20-40 ms of a JVM about to
   * be replaced). Written under a name of this start's own, flushed and renamed, so that a start
   * never sees a part-written file; the operator's own JNA settings ({@code jna.boot.library.*},
   * {@code jna.nosys}, {@code jna.noclasspath}, {@code jna.nounpack}) are left alone, and anything
   * that fails leaves JNA to unpack as it always does.
   */
  static void bootLibrary(Path cache, long pid, long nonce) {
    for (String own : OPERATORS_JNA) {
      if (System.getProperty(own) != null) {
        return;
      }
    }
    try {
      Path library = bootLibraryFile(cache);
      Path folder = library.getParent();
      String name = library.getFileName().toString();
      if (!Files.isRegularFile(library)) {
        try (InputStream in =
            ProcessImage.class.getClassLoader().getResourceAsStream(BOOT_LIBRARY_RESOURCE)) {
          if (in == null) {
            return;
          }
          Files.createDirectories(folder);
          // This process's id and a number of its own: in a container every start may be
          // process 1, and two starts must never write one file.
          Path part = folder.resolve(name + "." + pid + "." + Long.toHexString(nonce) + ".part");
          try {
            try (FileChannel out =
                FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
              in.transferTo(Channels.newOutputStream(out));
              // On disk before it has the name: a crash never leaves a short file named as whole.
              out.force(true);
            }
            Files.move(part, library, StandardCopyOption.ATOMIC_MOVE);
          } finally {
            Files.deleteIfExists(part);
          }
        }
      }
      System.setProperty("jna.boot.library.path", folder.toString());
    } catch (IOException | RuntimeException e) {
      // JNA unpacks it into its temporary folder then.
    }
  }

  /** JNA's native part for this platform, as the file name JNA looks for in its boot path. */
  private static final String BOOT_LIBRARY_NAME =
      System.mapLibraryName("jnidispatch").replace(".dylib", ".jnilib");

  /** Where JNA's jar keeps that part. */
  static final String BOOT_LIBRARY_RESOURCE =
      "com/sun/jna/" + Platform.RESOURCE_PREFIX + "/" + BOOT_LIBRARY_NAME;

  /**
   * The file {@link #bootLibrary} keeps in {@code cache}: one folder per JNA version and platform.
   */
  static Path bootLibraryFile(Path cache) {
    return cache
        .resolve(
            "jna-" + Native.VERSION + "-" + Native.VERSION_NATIVE + "-" + Platform.RESOURCE_PREFIX)
        .resolve(BOOT_LIBRARY_NAME);
  }

  /** JNA's settings of where its native part comes from: the operator's choice when set. */
  private static final List<String> OPERATORS_JNA =
      List.of(
          "jna.boot.library.path",
          "jna.boot.library.name",
          "jna.nosys",
          "jna.noclasspath",
          "jna.nounpack");

  private static void closeOwnOnExec(Function fcntl, List<String> own) {
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
      for (Path fd : fds) {
        int number = Integer.parseInt(fd.getFileName().toString());
        if (number > 2 && ours(fd, own)) {
          fcntl.invokeInt(new Object[] {number, F_SETFD, FD_CLOEXEC});
        }
      }
    } catch (IOException | RuntimeException e) {
      // Left open, they cost the new program a few descriptors, nothing more.
    }
  }

  private static boolean ours(Path fd, List<String> own) {
    try {
      String target = Files.readSymbolicLink(fd).toString();
      if (target.equals("/dev/random") || target.equals("/dev/urandom")) {
        return true;
      }
      for (String prefix : own) {
        if (target.startsWith(prefix)) {
          return true;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Gone meanwhile (the listing's own descriptor).
    }
    return false;
  }
}
