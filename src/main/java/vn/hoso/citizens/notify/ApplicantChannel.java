package vn.hoso.citizens.notify;

import vn.hoso.citizens.internal.ApplicantContacts;

/** A way to reach the applicant (e-mail, an SMS/Zalo gateway). Beans of this type that are {@link #enabled()} send. */
public interface ApplicantChannel {

    /** The channel's name as stored with each queued message ({@code email}, {@code sms}). */
    String name();

    /** Whether it is configured. */
    boolean enabled();

    /** The applicant's address on this channel, or null when the contact has none. */
    String address(ApplicantContacts.Contact contact);

    /**
     * Sends; any exception is a failed attempt (tried again later). {@code messageId} is unique per message
     * (the event id and channel), for providers that deduplicate.
     */
    void send(String address, QueuedMessage message) throws Exception;

    /** A message as queued. */
    record QueuedMessage(long id, String messageId, String caseCode, String kind, String subject, String body) {
    }
}
