package io.esledger.infrastructure.eventstore.elasticsearch;

import java.nio.charset.StandardCharsets;

/**
 * Which shard of the event index a stream lives on, computed the way Elasticsearch routes a
 * document: Murmur3 (x86, 32 bit, seed 0) of the routing value's UTF-16LE bytes, modulo the index's
 * routing shard count, divided by the routing factor. An append's acknowledgement carries its
 * sequence number but not its shard; this supplies the shard, so a consistency token can name the
 * exact place of a write. {@code ShardRoutingIT} checks it against Elasticsearch's own answer.
 */
final class ShardRouting {

  private final int shards;
  private final int routingShards;

  ShardRouting(int shards, int routingShards) {
    if (shards < 1 || routingShards < shards || routingShards % shards != 0) {
      throw new IllegalArgumentException("routing shards must be a multiple of the shard count");
    }
    this.shards = shards;
    this.routingShards = routingShards;
  }

  /** Elasticsearch's default routing shard count for an index created with {@code shards} shards (7.0+). */
  static int defaultRoutingShards(int shards) {
    int log2Shards = 32 - Integer.numberOfLeadingZeros(shards - 1);
    int splits = Math.max(1, 10 - log2Shards);
    return shards << splits;
  }

  int shards() {
    return shards;
  }

  int shardOf(String routing) {
    return Math.floorMod(hash(routing), routingShards) / (routingShards / shards);
  }

  static int hash(String routing) {
    byte[] bytes = routing.getBytes(StandardCharsets.UTF_16LE);
    return murmur3(bytes);
  }

  private static int murmur3(byte[] data) {
    final int c1 = 0xcc9e2d51;
    final int c2 = 0x1b873593;
    int h = 0;
    int blocks = data.length & ~3;
    for (int i = 0; i < blocks; i += 4) {
      int k = (data[i] & 0xff) | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff) << 16 | (data[i + 3] & 0xff) << 24;
      h ^= Integer.rotateLeft(k * c1, 15) * c2;
      h = Integer.rotateLeft(h, 13) * 5 + 0xe6546b64;
    }
    int k = 0;
    switch (data.length & 3) {
      case 3:
        k = (data[blocks + 2] & 0xff) << 16;
        // fall through
      case 2:
        k |= (data[blocks + 1] & 0xff) << 8;
        // fall through
      case 1:
        k |= data[blocks] & 0xff;
        h ^= Integer.rotateLeft(k * c1, 15) * c2;
        break;
      default:
        break;
    }
    h ^= data.length;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
