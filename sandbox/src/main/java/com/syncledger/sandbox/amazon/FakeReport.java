package com.syncledger.sandbox.amazon;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * One asynchronous report the Amazon fake generates: PENDING when created, PROCESSING while polled, then
 * COMPLETED (its file is cut from the ground truth at that moment) or FAILED. Each poll of a completed report
 * mints a fresh pre-signed download URL.
 */
final class FakeReport {

    enum Status { PENDING, PROCESSING, COMPLETED, FAILED }

    final String id;
    final String profileId;
    final String dedupeKey;
    final String name;
    final AmazonAdProduct product;
    final LocalDate startDate;
    final LocalDate endDate;
    final JsonNode configuration;
    final Instant createdAt;

    private Status status = Status.PENDING;
    private int polls;
    private Instant updatedAt;
    private Instant generatedAt;
    private String failureReason;
    private byte[] file;
    private final Map<String, Instant> signatures = new ConcurrentHashMap<>();

    FakeReport(String id, String profileId, String dedupeKey, String name, AmazonAdProduct product, LocalDate startDate,
            LocalDate endDate, JsonNode configuration, Instant createdAt) {
        this.id = id;
        this.profileId = profileId;
        this.dedupeKey = dedupeKey;
        this.name = name;
        this.product = product;
        this.startDate = startDate;
        this.endDate = endDate;
        this.configuration = configuration;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** Counts a poll and reports how many there have been, including this one. */
    synchronized int poll() {
        return ++polls;
    }

    synchronized boolean inFlight() {
        return status == Status.PENDING || status == Status.PROCESSING;
    }

    synchronized void processing(Instant now) {
        status = Status.PROCESSING;
        updatedAt = now;
    }

    synchronized void completed(byte[] gzippedFile, Instant now) {
        status = Status.COMPLETED;
        file = gzippedFile;
        generatedAt = now;
        updatedAt = now;
    }

    synchronized void failed(String reason, Instant now) {
        status = Status.FAILED;
        failureReason = reason;
        updatedAt = now;
    }

    synchronized Status status() {
        return status;
    }

    synchronized Instant updatedAt() {
        return updatedAt;
    }

    synchronized Instant generatedAt() {
        return generatedAt;
    }

    synchronized String failureReason() {
        return failureReason;
    }

    synchronized byte[] file() {
        return file;
    }

    void signed(String signature, Instant expiresAt) {
        signatures.put(signature, expiresAt);
    }

    /** When a URL with {@code signature} stops working; null when this report never issued it. */
    Instant signatureExpiry(String signature) {
        return signature == null ? null : signatures.get(signature);
    }
}
