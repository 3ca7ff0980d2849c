package be.twe.common.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Which traceparent headers give their trace id to the request (W3C Trace Context, level 1). */
class TraceparentTest {
    @Test
    void aValidHeaderGivesItsTraceId() {
        assertEquals("0af7651916cd43dd8448eb211c80319c",
                TraceIds.fromTraceparent("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
        // a later version may add fields after the flags
        assertEquals("0af7651916cd43dd8448eb211c80319c",
                TraceIds.fromTraceparent("01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-later"));
    }

    @Test
    void anythingElseGivesNone() {
        for (String header : new String[] {null, "", "00-zz-yy-01",
                "00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01", // upper case
                "00-00000000000000000000000000000000-b7ad6b7169203331-01", // all-zero trace id
                "00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01", // all-zero parent id
                "ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", // forbidden version
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-x", // version 00 has no more fields
                "00_0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}) {
            assertNull(TraceIds.fromTraceparent(header), String.valueOf(header));
        }
    }
}
