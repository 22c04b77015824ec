package io.fashionrec.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.io.IOException;
import javax.imageio.IIOException;
import org.junit.jupiter.api.Test;

class ByteArrayImageInputTest {

    @Test
    void readsTheArrayWithSeeksAndBulkReads() throws IOException {
        try (ByteArrayImageInput input = new ByteArrayImageInput(new byte[] {1, 2, 3, (byte) 0xFF, 5})) {
            assertEquals(5, input.length());
            assertEquals(1, input.read());
            byte[] buffer = new byte[8];
            assertEquals(4, input.read(buffer, 2, 6));
            assertArrayEquals(new byte[] {0, 0, 2, 3, (byte) 0xFF, 5, 0, 0}, buffer);
            assertEquals(-1, input.read());
            input.seek(3);
            assertEquals(0xFF, input.read());
            input.seek(1);
            assertEquals(0x0203, input.readUnsignedShort());
        }
    }

    @Test
    void readingAtTheEndIsAnEndOfFileUntilTheAllowanceRunsOut() throws IOException {
        try (ByteArrayImageInput input = new ByteArrayImageInput(new byte[] {7})) {
            input.read();
            for (int i = 0; i < ByteArrayImageInput.READS_PAST_END_ALLOWED; i++) {
                assertThrows(EOFException.class, input::readByte);
            }
            IIOException stop = assertThrows(IIOException.class, input::readByte);
            assertEquals("the decoder kept reading past the end of the 1-byte data", stop.getMessage());
        }
    }
}
