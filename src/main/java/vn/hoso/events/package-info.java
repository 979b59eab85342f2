/**
 * The case event log: an append-only, SHA-256-chained log per case in PostgreSQL, written in the transaction of the
 * engine step that causes each event (transactional outbox), relayed to Kafka ({@link vn.hoso.events.EventTopics})
 * after commit in hososeq order per case, and verifiable by auditors. Public surface:
 * {@link vn.hoso.events.CaseEventLog} ({@code append}, {@code eventsOf}, {@code verify}),
 * {@link vn.hoso.events.NewCaseEvent}, {@link vn.hoso.events.RecordedEvent}, {@link vn.hoso.events.ChainVerification},
 * {@link vn.hoso.events.CaseEventTypes}, {@link vn.hoso.events.EventTopics}. See docs/events.md.
 */
package vn.hoso.events;
