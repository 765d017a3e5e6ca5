package dev.imbot.adapter.delivery;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body subscriber that keeps the first {@code limit} bytes (as UTF-8 text) and drains
 * the rest: the attempt log keeps 1 KiB, and a handler answering megabytes costs no memory.
 */
final class FirstBytes implements HttpResponse.BodySubscriber<String> {
  private final byte[] kept;
  private int length;
  private final CompletableFuture<String> result = new CompletableFuture<>();

  FirstBytes(int limit) {
    this.kept = new byte[limit];
  }

  @Override
  public CompletionStage<String> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    for (ByteBuffer buffer : buffers) {
      int take = Math.min(buffer.remaining(), kept.length - length);
      buffer.get(kept, length, take);
      length += take;
    }
  }

  @Override
  public void onError(Throwable throwable) {
    result.completeExceptionally(throwable);
  }

  @Override
  public void onComplete() {
    // A multi-byte character cut at the limit decodes as a replacement character.
    result.complete(new String(kept, 0, length, StandardCharsets.UTF_8));
  }
}
