/**
 * The case event log: an append-only, SHA-256-chained log per case in PostgreSQL, written in the transaction of the
 * engine step that causes each event (transactional outbox), relayed to Kafka ({@link vn.hoso.events.EventTopics})
 * after commit in hososeq order per case, and verifiable by auditors. Public surface:
 * {@link vn.hoso.events.CaseEventLog} ({@code append}, {@code eventsOf}, {@code verify}), the typed events
 * ({@link vn.hoso.events.CaseEventData} and its records, with their value enums), what consumers read
 * ({@link vn.hoso.events.PublishedCaseEvent}), {@link vn.hoso.events.RecordedEvent},
 * {@link vn.hoso.events.ChainVerification}, {@link vn.hoso.events.CaseEventTypes}, {@link vn.hoso.events.EventTopics}.
 * See docs/events.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Case event log",
        allowedDependencies = {"platform", "identity", "procedures", "units"})
package vn.hoso.events;
