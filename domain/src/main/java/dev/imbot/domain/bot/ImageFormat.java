package dev.imbot.domain.bot;

/** An image format a bot avatar may have, with its MIME type. */
public enum ImageFormat {
  PNG("image/png"),
  JPEG("image/jpeg"),
  GIF("image/gif"),
  WEBP("image/webp");

  private final String mimeType;

  ImageFormat(String mimeType) {
    this.mimeType = mimeType;
  }

  /** The MIME type, e.g. {@code image/png}. */
  public String mimeType() {
    return mimeType;
  }
}
