package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https beside http, by configuration alone: the embedded default makes a self-signed certificate
 * at first start, keeps it under the data folder and prints its file and fingerprint; an operator's
 * certificate (PEM files or a key store) replaces it; {@code IMBOT_HTTPS_ENABLED=false} turns https
 * off.
 */
class HttpsTest {
  private static final Pattern HTTPS_LINE =
      Pattern.compile(
          "HTTPS: (https://127\\.0\\.0\\.1:\\d+)/ with the self-signed certificate (\\S+) \\(SHA-256"
              + " ([0-9A-F:]{95})\\); Node.js trusts it with NODE_EXTRA_CA_CERTS=(\\S+)");

  @TempDir Path temp;

  @Test
  void givenEmbeddedDefault_start_servesHttpsWithASelfSignedCertificateKeptUnderTheDataFolder()
      throws Exception {
    Path data = temp.resolve("data");
    Map<String, Object> config = Map.of("imbot.data-dir", data.toString());
    String firstFingerprint;
    try (ServiceDatabase database = ServiceDatabase.h2File(data);
        RunningService service = RunningService.start(database, config)) {
      Matcher line = HTTPS_LINE.matcher(service.startOutput());
      assertThat(line.find()).as(service.startOutput()).isTrue();
      Path certificate = Path.of(line.group(2));
      assertThat(certificate).isEqualTo(data.resolve("https/certificate.pem").toAbsolutePath());
      assertThat(line.group(4)).isEqualTo(line.group(2));
      assertThat(line.group(1)).isEqualTo(service.httpsBaseUrl().orElseThrow());
      X509Certificate kept = Tls.read(certificate);
      firstFingerprint = SelfSignedCertificate.fingerprint(kept);
      assertThat(line.group(3)).isEqualTo(firstFingerprint);
      assertThat(Files.getPosixFilePermissions(data.resolve("https/private-key.pem"))).hasSize(2);

      // The very certificate on disk is what is served, and it verifies for 127.0.0.1.
      String https = service.httpsBaseUrl().orElseThrow();
      assertThat(SelfSignedCertificate.fingerprint(Tls.served(https, kept)))
          .isEqualTo(firstFingerprint);
      String webhook = service.firstStartLine().orElseThrow().path();
      assertThat(service.startOutput())
          .contains("First start: the same webhook over https: " + https + webhook);
      Answer overHttps = Tls.get(https + webhook + "server.time", kept);
      assertThat(overHttps.status()).as(overHttps.toString()).isEqualTo(200);
      assertThat(overHttps.result()).asString().matches("\\d{4}-\\d\\d-\\d\\dT.*");
      // http keeps answering beside it.
      assertThat(service.get("/health").status()).isEqualTo(200);
    }

    try (ServiceDatabase database = ServiceDatabase.h2File(data);
        RunningService again = RunningService.start(database, config)) {
      Matcher line = HTTPS_LINE.matcher(again.startOutput());
      assertThat(line.find()).as(again.startOutput()).isTrue();
      assertThat(line.group(3))
          .as("the kept certificate, not a new one")
          .isEqualTo(firstFingerprint);
      assertThat(again.firstStartLine()).isEmpty();
    }
  }

  @Test
  void givenOperatorPemFiles_start_servesTheirCertificateAndMakesNone() throws Exception {
    SelfSignedCertificate operators = SelfSignedCertificate.loadOrCreate(temp.resolve("operator"));
    Path data = temp.resolve("data");
    try (ServiceDatabase database = ServiceDatabase.h2File(data);
        RunningService service =
            RunningService.start(
                database,
                Map.of(
                    "imbot.data-dir", data.toString(),
                    "imbot.https.certificate", operators.certificate().toString(),
                    "imbot.https.private-key", operators.privateKey().toString()))) {
      X509Certificate given = Tls.read(operators.certificate());
      String https = service.httpsBaseUrl().orElseThrow();

      assertThat(SelfSignedCertificate.fingerprint(Tls.served(https, given)))
          .isEqualTo(operators.sha256Fingerprint());
      assertThat(Tls.get(https + "/health", given).status()).isEqualTo(200);
      assertThat(service.startOutput())
          .contains("HTTPS: " + https + "/ with the configured certificate");
      assertThat(data.resolve("https")).doesNotExist();
    }
  }

  @Test
  void givenOperatorKeyStore_start_servesItsCertificate() throws Exception {
    Path keyStore = temp.resolve("operator.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "service",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=operator",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "30",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                "store-secret",
                "-keypass",
                "store-secret")
            .redirectErrorStream(true)
            .start();
    String keytoolOutput = new String(keytool.getInputStream().readAllBytes());
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(keytoolOutput).isZero();
    java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(keyStore)) {
      store.load(in, "store-secret".toCharArray());
    }
    X509Certificate given = (X509Certificate) store.getCertificate("service");
    Path data = temp.resolve("data");

    try (ServiceDatabase database = ServiceDatabase.h2File(data);
        RunningService service =
            RunningService.start(
                database,
                Map.of(
                    "imbot.data-dir", data.toString(),
                    "imbot.https.key-store", keyStore.toString(),
                    "imbot.https.key-store-password", "store-secret"))) {
      String https = service.httpsBaseUrl().orElseThrow();

      assertThat(SelfSignedCertificate.fingerprint(Tls.served(https, given)))
          .isEqualTo(SelfSignedCertificate.fingerprint(given));
      assertThat(data.resolve("https")).doesNotExist();
    }
  }

  @Test
  void givenHttpsDisabled_start_servesHttpOnlyAndMakesNoCertificate() {
    Path data = temp.resolve("data");
    try (ServiceDatabase database = ServiceDatabase.h2File(data);
        RunningService service =
            RunningService.start(
                database,
                Map.of("imbot.data-dir", data.toString(), "micronaut.server.ssl.enabled", false))) {
      assertThat(service.httpsBaseUrl()).isEmpty();
      assertThat(service.startOutput()).doesNotContain("HTTPS:", "over https");
      assertThat(service.get("/health").status()).isEqualTo(200);
      assertThat(data.resolve("https")).doesNotExist();
    }
  }
}
