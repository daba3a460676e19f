package dev.sitter.pipeline;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class CompositeOptionsTest {
    @Test void defaultsFillWhatIsNotGiven() {
        assertEquals(new CompositeOptions(0.2, 6), CompositeOptions.of(null, null));
        assertEquals(new CompositeOptions(0.9, 0), CompositeOptions.of(0.9, 0));
        assertEquals(new CompositeOptions(0.2, 64), CompositeOptions.of(null, 64));
    }

    @Test void outOfRangeValuesAreRefusedNamingTheOption() {
        for (double d : new double[]{0.19, 0.91, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            CompositeOptions.OutOfRange e = assertThrows(CompositeOptions.OutOfRange.class, () -> CompositeOptions.of(d, null));
            assertEquals("denoise", e.option());
            assertTrue(e.getMessage().contains("0.2-0.9"), e.getMessage());
        }
        for (int f : new int[]{-1, 65, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            CompositeOptions.OutOfRange e = assertThrows(CompositeOptions.OutOfRange.class, () -> CompositeOptions.of(null, f));
            assertEquals("feather", e.option());
            assertTrue(e.getMessage().contains("0-64") && e.getMessage().contains(String.valueOf(f)), e.getMessage());
        }
    }
}
