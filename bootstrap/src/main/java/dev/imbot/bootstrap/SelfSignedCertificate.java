package dev.imbot.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The embedded default's https certificate: self-signed, made once (with BouncyCastle) and kept as
 * PEM files in a folder under the data folder, so clients can be told to trust it once (Node.js:
 * {@code NODE_EXTRA_CA_CERTS=<certificate>}). Made again only when missing or expired.
 *
 * @param certificate the certificate, PEM
 * @param privateKey its private key, PKCS#8 PEM (readable by the owner only)
 * @param sha256Fingerprint SHA-256 of the certificate, upper-case hex pairs joined by colons
 * @param notAfter the end of its validity
 */
record SelfSignedCertificate(
    Path certificate, Path privateKey, String sha256Fingerprint, Instant notAfter) {
  static final String CERTIFICATE_FILE = "certificate.pem";
  static final String PRIVATE_KEY_FILE = "private-key.pem";

  /** Five years: a local development certificate, replaced when it runs out. */
  private static final Duration VALIDITY = Duration.ofDays(5 * 365);

  /** The certificate in {@code directory}, made (with its key) when missing or expired. */
  static SelfSignedCertificate loadOrCreate(Path directory) {
    Path certificate = directory.resolve(CERTIFICATE_FILE).toAbsolutePath();
    Path privateKey = directory.resolve(PRIVATE_KEY_FILE).toAbsolutePath();
    try {
      if (Files.isRegularFile(certificate) && Files.isRegularFile(privateKey)) {
        X509Certificate existing = read(certificate);
        if (existing.getNotAfter().toInstant().isAfter(Instant.now().plus(Duration.ofDays(1)))) {
          return of(certificate, privateKey, existing);
        }
      }
      Files.createDirectories(directory);
      X509Certificate made = create(certificate, privateKey);
      return of(certificate, privateKey, made);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the https certificate in " + directory, e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot make the https certificate", e);
    }
  }

  private static SelfSignedCertificate of(Path certificate, Path privateKey, X509Certificate x509)
      throws GeneralSecurityException {
    return new SelfSignedCertificate(
        certificate, privateKey, fingerprint(x509), x509.getNotAfter().toInstant());
  }

  private static X509Certificate create(Path certificate, Path privateKey)
      throws IOException, GeneralSecurityException, OperatorCreationException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048, new SecureRandom());
    KeyPair keys = generator.generateKeyPair();
    X500Name subject = new X500Name("CN=imbot-registry (self-signed)");
    Instant now = Instant.now();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject,
            new BigInteger(64, new SecureRandom()),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(VALIDITY)),
            subject,
            keys.getPublic());
    // Its own trust anchor: clients are told to trust this very certificate.
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    builder.addExtension(
        Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    builder.addExtension(Extension.subjectAlternativeName, false, subjectAlternativeNames());
    X509Certificate x509 =
        new JcaX509CertificateConverter()
            .getCertificate(
                builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    // Key first, each written whole then moved into place, so a crash leaves no half pair.
    writeAtomically(privateKey, pem(new JcaPKCS8Generator(keys.getPrivate(), null)), true);
    writeAtomically(certificate, pem(x509), false);
    return x509;
  }

  /** localhost, the loopback addresses and this machine's name: what local clients connect to. */
  private static GeneralNames subjectAlternativeNames() {
    Set<String> dnsNames = new LinkedHashSet<>(List.of("localhost"));
    try {
      String host = InetAddress.getLocalHost().getHostName();
      if (!host.isBlank() && !host.matches("[0-9.:]+")) {
        dnsNames.add(host.toLowerCase(Locale.ROOT));
      }
    } catch (UnknownHostException noName) {
      // localhost and the loopback addresses are enough.
    }
    List<GeneralName> names = new ArrayList<>();
    dnsNames.forEach(name -> names.add(new GeneralName(GeneralName.dNSName, name)));
    names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
    names.add(new GeneralName(GeneralName.iPAddress, "::1"));
    return new GeneralNames(names.toArray(GeneralName[]::new));
  }

  private static String pem(Object value) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(value);
    }
    return text.toString();
  }

  private static void writeAtomically(Path target, String text, boolean secret) throws IOException {
    Path temporary =
        Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    try {
      if (secret) {
        restrictToOwner(temporary);
      }
      Files.writeString(temporary, text, StandardCharsets.US_ASCII);
      Files.move(
          temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the data folder's own access rules apply.
    }
  }

  private static X509Certificate read(Path certificate)
      throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(certificate)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  /** As {@code openssl x509 -fingerprint -sha256} prints it. */
  static String fingerprint(X509Certificate certificate) throws GeneralSecurityException {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
    return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
  }
}
