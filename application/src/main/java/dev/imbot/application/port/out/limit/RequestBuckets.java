package dev.imbot.application.port.out.limit;

import dev.imbot.domain.limit.Admission;
import dev.imbot.domain.limit.RequestRate;

/**
 * Outgoing port: leaky buckets by key. Takes one request's room in the bucket of {@code key},
 * created empty on first use; refuses when the bucket is full.
 */
public interface RequestBuckets {

  Admission take(String key, RequestRate rate);
}
