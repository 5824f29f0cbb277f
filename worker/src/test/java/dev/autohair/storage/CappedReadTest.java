package dev.autohair.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class CappedReadTest {

    @Test
    void readsAStreamUpToAndIncludingTheCap() throws Exception {
        assertThat(CappedRead.readAll(new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, "b", "k"))
                .containsExactly(1, 2, 3);
        assertThat(CappedRead.readAll(new ByteArrayInputStream(new byte[0]), 3, "b", "k")).isEmpty();
    }

    @Test
    void stopsOneBytePastTheCapOfAStreamLongerThanAnnounced() {
        CountingStream endless = new CountingStream();

        assertThatThrownBy(() -> CappedRead.readAll(endless, 1000, "uploads", "big.jpg"))
                .isInstanceOfSatisfying(ObjectTooLargeException.class, e -> {
                    assertThat(e.sizeBytes()).isEqualTo(ObjectTooLargeException.SIZE_UNKNOWN);
                    assertThat(e.maxBytes()).isEqualTo(1000);
                })
                .hasMessageContaining("s3://uploads/big.jpg is more than 1000 bytes");
        assertThat(endless.read).isEqualTo(1001);
    }

    /** A stream that never ends, counting what was taken from it. */
    private static final class CountingStream extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            read += len;
            return len;
        }
    }
}
