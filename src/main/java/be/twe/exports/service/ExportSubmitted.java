package be.twe.exports.service;

import java.util.UUID;

/** Fired in the requesting transaction; the worker starts once it has committed. */
record ExportSubmitted(UUID exportId) {
}
