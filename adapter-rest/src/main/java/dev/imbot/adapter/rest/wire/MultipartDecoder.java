package dev.imbot.adapter.rest.wire;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostMultipartRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a {@code multipart/form-data} body with Netty's decoder (the HTTP stack's own): each
 * part's name in PHP bracket syntax, its content as UTF-8 text. File parts count as text too, as
 * Bitrix24 methods take files as base64 strings anyway.
 */
public final class MultipartDecoder {
  private MultipartDecoder() {}

  public static WireParameters decode(String contentType, byte[] body) {
    FullHttpRequest request =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1, HttpMethod.POST, "/", Unpooled.wrappedBuffer(body));
    request.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    HttpPostMultipartRequestDecoder decoder = null;
    try {
      // Inside the try: the constructor already refuses a missing or empty boundary.
      // Memory only: the body is already bounded by the server's maximum request size.
      decoder = new HttpPostMultipartRequestDecoder(new DefaultHttpDataFactory(false), request);
      ParameterTreeBuilder tree = new ParameterTreeBuilder();
      for (InterfaceHttpData part : decoder.getBodyHttpDatas()) {
        if (part instanceof Attribute attribute) {
          tree.add(attribute.getName(), attribute.getValue());
        } else if (part instanceof FileUpload file) {
          tree.add(file.getName(), file.getString(StandardCharsets.UTF_8));
        }
      }
      return tree.build();
    } catch (IOException | RuntimeException e) {
      if (e instanceof MalformedRequestException malformed) {
        throw malformed;
      }
      throw new MalformedRequestException("malformed multipart/form-data body");
    } finally {
      if (decoder != null) {
        decoder.destroy();
      }
      request.release();
    }
  }
}
