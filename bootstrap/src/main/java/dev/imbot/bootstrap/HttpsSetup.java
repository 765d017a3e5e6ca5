package dev.imbot.bootstrap;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.ssl.ServerSslConfiguration;
import io.micronaut.http.ssl.SslConfiguration;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Gives the https listener its certificate before the server starts: the operator's, as PEM files
 * ({@code imbot.https.certificate} and {@code imbot.https.private-key}) or as a key store ({@code
 * imbot.https.key-store}, PKCS12 or JKS); otherwise the embedded default's self-signed certificate,
 * kept under the data folder ({@link SelfSignedCertificate}). Only present while https is enabled
 * ({@code micronaut.server.ssl.enabled}, on by default).
 */
@Singleton
@Requires(property = "micronaut.server.ssl.enabled", value = "true")
public final class HttpsSetup implements BeanCreatedEventListener<ServerSslConfiguration> {
  private final Path dataDirectory;
  private final String certificate;
  private final String privateKey;
  private final String keyStore;
  private final String keyStorePassword;
  private final String keyStoreType;
  private volatile SelfSignedCertificate selfSigned;
  private volatile int port;

  public HttpsSetup(
      @Value("${imbot.data-dir:./data}") String dataDirectory,
      @Nullable @Value("${imbot.https.certificate:}") String certificate,
      @Nullable @Value("${imbot.https.private-key:}") String privateKey,
      @Nullable @Value("${imbot.https.key-store:}") String keyStore,
      @Nullable @Value("${imbot.https.key-store-password:}") String keyStorePassword,
      @Nullable @Value("${imbot.https.key-store-type:PKCS12}") String keyStoreType) {
    this.dataDirectory = Path.of(dataDirectory);
    this.certificate = blankToNull(certificate);
    this.privateKey = blankToNull(privateKey);
    this.keyStore = blankToNull(keyStore);
    this.keyStorePassword = keyStorePassword;
    this.keyStoreType = blankToNull(keyStoreType);
  }

  @Override
  public ServerSslConfiguration onCreated(BeanCreatedEvent<ServerSslConfiguration> event) {
    ServerSslConfiguration ssl = event.getBean();
    port = ssl.getPort();
    SslConfiguration.KeyStoreConfiguration store = ssl.getKeyStore();
    if (certificate != null || privateKey != null) {
      if (certificate == null || privateKey == null) {
        throw new IllegalStateException(
            "https needs both imbot.https.certificate and imbot.https.private-key (PEM files)");
      }
      store.setCertificatePath(resource(certificate));
      store.setKeyPath(resource(privateKey));
    } else if (keyStore != null) {
      store.setPath(resource(keyStore));
      store.setPassword(keyStorePassword);
      store.setType(keyStoreType == null ? "PKCS12" : keyStoreType);
    } else if (store.getPath().isEmpty() && store.getKeyPath() == null) {
      selfSigned = SelfSignedCertificate.loadOrCreate(dataDirectory.resolve("https"));
      store.setCertificatePath(resource(selfSigned.certificate().toString()));
      store.setKeyPath(resource(selfSigned.privateKey().toString()));
    }
    return ssl;
  }

  /** The self-signed certificate in use, if the operator gave none. */
  public Optional<SelfSignedCertificate> selfSigned() {
    return Optional.ofNullable(selfSigned);
  }

  /** The configured https port ({@code micronaut.server.ssl.port}). */
  public int port() {
    return port;
  }

  /** A Micronaut resource location: {@code file:} for a plain path. */
  private static String resource(String location) {
    if (location.startsWith("file:") || location.startsWith("classpath:")) {
      return location;
    }
    return "file:" + Path.of(location).toAbsolutePath();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
