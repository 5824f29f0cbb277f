package dev.autohair.status.view;

import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** A read-only store over a map, for tests of what reads the view. */
public final class MapStore<K extends Comparable<K>, V> implements ReadOnlyKeyValueStore<K, V> {

    private final Map<K, V> map;

    public MapStore(Map<K, V> map) {
        this.map = map;
    }

    @Override
    public V get(K key) {
        return map.get(key);
    }

    @Override
    public KeyValueIterator<K, V> range(K from, K to) {
        return iterator(new TreeMap<>(map).subMap(from, true, to, true));
    }

    @Override
    public KeyValueIterator<K, V> all() {
        return iterator(new TreeMap<>(map));
    }

    @Override
    public long approximateNumEntries() {
        return map.size();
    }

    private KeyValueIterator<K, V> iterator(Map<K, V> snapshot) {
        Iterator<Map.Entry<K, V>> entries = snapshot.entrySet().iterator();
        return new KeyValueIterator<>() {
            private Map.Entry<K, V> peeked;

            @Override
            public boolean hasNext() {
                return peeked != null || entries.hasNext();
            }

            @Override
            public KeyValue<K, V> next() {
                Map.Entry<K, V> e = peeked != null ? peeked : entries.next();
                peeked = null;
                return KeyValue.pair(e.getKey(), e.getValue());
            }

            @Override
            public K peekNextKey() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (peeked == null) {
                    peeked = entries.next();
                }
                return peeked.getKey();
            }

            @Override
            public void close() {
            }
        };
    }
}
