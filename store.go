package stormdesk

import (
	"context"
	"time"
)

// Store is the persistence contract. Both backends (embedded SQLite and
// PostgreSQL) pass the same contract suite in store/storetest.
//
// A use case that writes more than one row runs inside one Update call, so
// it commits whole or not at all.
type Store interface {
	// Update runs fn in a read-write transaction. If fn returns an error the
	// transaction is rolled back and the error returned unchanged.
	Update(ctx context.Context, fn func(Tx) error) error
	// View runs fn in a read-only transaction.
	View(ctx context.Context, fn func(Tx) error) error
	// Ping reports whether the store is reachable (EUNAVAILABLE if not).
	Ping(ctx context.Context) error
	// ReplayGuard (FirstSeen) is the replay guard of signed webhook
	// requests (chat, SendGrid events), shared by every replica.
	ReplayGuard
	// Backend names the backend, "sqlite" or "postgres".
	Backend() string
	Close() error
}

// Tx is the set of operations available inside a transaction: the
// composition of the role interfaces below, one for each part of the
// domain the store keeps. A helper that needs only one or two of them
// takes those roles rather than a Tx, so that its signature says what it
// touches and a test can hand it a small fake. Methods return ENOTFOUND
// for missing rows, ECONFLICT for broken uniqueness and EINVALID for rows
// the store refuses; anything else is EINTERNAL.
type Tx interface {
	TicketTx
	IncidentTx
	TimelineTx
	UpstreamTx
	CustomerTx
	OutboxTx
	ChatTx
	StatusPageTx
	MaintenanceTx
	TriageTx
}

// TicketTx stores and reads tickets: intake's idempotent writes, lookups
// and counts, and the streams an export reads of an incident's tickets.
type TicketTx interface {
	// CreateTickets stores tickets, idempotently on (source, external_id):
	// a ticket whose pair is already stored is not inserted again but
	// overwritten in place with the stored row. created[i] reports whether
	// tickets[i] was new. Tickets without an external id are always new.
	CreateTickets(ctx context.Context, tickets []*Ticket) (created []bool, err error)
	// Ticket returns one ticket by id.
	Ticket(ctx context.Context, id int64) (*Ticket, error)
	// TicketByExternalID returns the ticket a source stored under its id
	// (a helpdesk's conversation), or ENOTFOUND.
	TicketByExternalID(ctx context.Context, source, externalID string) (*Ticket, error)
	// Tickets lists tickets matching f, oldest received first.
	Tickets(ctx context.Context, f TicketFilter) ([]*Ticket, error)
	// CountTickets counts the tickets matching f (Limit is ignored).
	CountTickets(ctx context.Context, f TicketFilter) (int, error)
	// EachTicketTime streams the received times of an incident's tickets.
	EachTicketTime(ctx context.Context, incidentID int64, fn func(time.Time) error) error
	// EachTicketLabels streams each distinct pair of channel and tags
	// among an incident's tickets ("" and nil when they have none) with
	// the number of its tickets that have it, ordered by channel, then
	// tags: a post-mortem counts them, and an outage's tickets mostly
	// share a few, so this reads a few rows, not one a ticket.
	EachTicketLabels(ctx context.Context, incidentID int64, fn func(channel string, tags []string, tickets int) error) error
}

// IncidentTx stores and reads incidents and which tickets belong to them
// (memberships, merges), with the bookkeeping kept on each incident:
// when a reminder was last sent and when the post-mortem was exported.
type IncidentTx interface {
	// CreateIncident stores a new incident and sets its ID.
	CreateIncident(ctx context.Context, inc *Incident) error
	// Incident returns one incident by id, with its ticket count.
	Incident(ctx context.Context, id int64) (*Incident, error)
	// Incidents lists incidents matching f, newest first.
	Incidents(ctx context.Context, f IncidentFilter) ([]*Incident, error)
	// IncidentByCluster returns the newest incident opened for a triage
	// cluster that is neither resolved nor merged, or ENOTFOUND.
	IncidentByCluster(ctx context.Context, clusterID int64) (*Incident, error)
	// IncidentStats counts an incident's tickets and distinct customers.
	IncidentStats(ctx context.Context, incidentID int64) (tickets, customers int, err error)
	// UpdateIncident writes every mutable field of inc.
	UpdateIncident(ctx context.Context, inc *Incident) error
	// MoveIncidentData moves an incident's tickets, timeline entries and
	// upstream links to another incident (a merge) and returns how many
	// tickets moved.
	MoveIncidentData(ctx context.Context, from, into int64) (tickets int, err error)
	// SetTicketIncident links a ticket to an incident (0 unlinks) and
	// records its triage cluster.
	SetTicketIncident(ctx context.Context, ticketID, incidentID, clusterID int64) error
	// SetMemberships records triage's decisions: each ticket's incident
	// (0: none), why, and when it joined. ENOTFOUND for an unknown ticket.
	SetMemberships(ctx context.Context, ms []Membership) error
	// Members lists the tickets of the given incidents, oldest first.
	Members(ctx context.Context, incidentIDs []int64) ([]Member, error)
	// Reminded returns when a reminder of kind was last sent about an
	// incident (the zero time when never); SetReminded records one.
	Reminded(ctx context.Context, incidentID int64, kind string) (time.Time, error)
	SetReminded(ctx context.Context, incidentID int64, kind string, at time.Time) error
	// SetExported records that an incident's post-mortem was exported.
	SetExported(ctx context.Context, incidentID int64, at time.Time) error
}

// TimelineTx is an incident's timeline: entries appended, corrected,
// listed and streamed.
type TimelineTx interface {
	// AppendTimeline stores a timeline entry and sets its ID; ENOTFOUND
	// when the incident does not exist.
	AppendTimeline(ctx context.Context, e *TimelineEntry) error
	// TimelineEntry returns one entry, or ENOTFOUND.
	TimelineEntry(ctx context.Context, id int64) (*TimelineEntry, error)
	// UpdateTimelineEntry rewrites an entry's time, text and data.
	UpdateTimelineEntry(ctx context.Context, e *TimelineEntry) error
	// Timeline returns an incident's entries ordered by time, then id.
	Timeline(ctx context.Context, incidentID int64) ([]*TimelineEntry, error)
	// EachTimelineEntry streams an incident's entries ordered by time, then
	// id, without holding them all in memory.
	EachTimelineEntry(ctx context.Context, incidentID int64, fn func(*TimelineEntry) error) error
	// LastEntryAt returns the time of an incident's latest timeline entry
	// of one of kinds (the zero time when there is none).
	LastEntryAt(ctx context.Context, incidentID int64, kinds ...string) (time.Time, error)
}

// UpstreamTx is what the upstream watch remembers: each feed's and
// probe's state between polls, the events seen, and which incidents each
// upstream incident is tied to.
type UpstreamTx interface {
	// WatchState returns the state of a feed or probe, or ENOTFOUND.
	WatchState(ctx context.Context, name string) (*WatchState, error)
	// WatchStates lists every stored feed and probe state by name.
	WatchStates(ctx context.Context) ([]*WatchState, error)
	// SaveWatchState creates or replaces a feed or probe state.
	SaveWatchState(ctx context.Context, st *WatchState) error
	// AddUpstreamEvents stores events, once per DedupKey; inserted[i]
	// reports whether events[i] was new (its ID is then set).
	AddUpstreamEvents(ctx context.Context, events []*UpstreamEvent) (inserted []bool, err error)
	// UpstreamEvents returns the stored events of one upstream incident,
	// by time.
	UpstreamEvents(ctx context.Context, provider, upstreamID string) ([]*UpstreamEvent, error)
	// UpstreamHistory returns every stored event of each upstream incident
	// (or probe run) that has an event at or after since, ordered by
	// provider, upstream id, time and id: the history the dependency
	// audit reads.
	UpstreamHistory(ctx context.Context, since time.Time) ([]*UpstreamEvent, error)
	// LinkUpstream ties an incident to an upstream incident; it reports
	// whether the link is new.
	LinkUpstream(ctx context.Context, incidentID int64, provider, upstreamID string, at time.Time) (bool, error)
	// UpstreamLinks returns the incidents tied to an upstream incident.
	UpstreamLinks(ctx context.Context, provider, upstreamID string) ([]int64, error)
	// IncidentUpstreams lists the upstream incidents tied to the given
	// incidents, with when each began and, once over, when it resolved.
	IncidentUpstreams(ctx context.Context, incidentIDs []int64) ([]UpstreamLink, error)
}

// CustomerTx holds the people stormdesk may email: customers, their
// subscriptions and suppressions with their history, and the audience of
// an incident's email drawn from them.
type CustomerTx interface {
	// UpsertCustomer creates or updates a customer's name and
	// organisation (suppression is left as it is).
	UpsertCustomer(ctx context.Context, c *Customer, at time.Time) error
	// Customer returns one customer by address, or ENOTFOUND.
	Customer(ctx context.Context, email string) (*Customer, error)
	// Subscribe opts a customer in to a feature's updates (idempotent).
	Subscribe(ctx context.Context, email, feature string) error
	// Suppress stops all email to an address (creating the customer if
	// needed); why is "unsubscribe", "bounce", "spamreport", ...
	Suppress(ctx context.Context, email, why string, at time.Time) error
	// Unsuppress lifts an address's suppression only if it is suppressed
	// for why, recorded before before (so a bounce, or a newer
	// unsubscribe, recorded meanwhile stands); it reports whether it
	// lifted one.
	Unsuppress(ctx context.Context, email, why string, before time.Time) (bool, error)
	// Unsubscribe removes one subscription and reports whether there was
	// one.
	Unsubscribe(ctx context.Context, email, feature string) (bool, error)
	// Subscriptions lists the subscriptions matching f in (email,
	// feature) order.
	Subscriptions(ctx context.Context, f SubscriptionFilter) ([]Subscription, error)
	// AddSubscriptionEvent stores one line of an address's subscription
	// history and sets its ID; SubscriptionEvents lists an address's, by
	// time then id.
	AddSubscriptionEvent(ctx context.Context, e *SubscriptionEvent) error
	SubscriptionEvents(ctx context.Context, email string) ([]SubscriptionEvent, error)
	// Audience streams, in address order, every address to email about an
	// incident: the reporters of its tickets and the subscribers of
	// features, without suppressed addresses, each once, and without the
	// reporters a helpdesk answers in their own thread: an address with a
	// ticket of the incident that a helpdesk link job (one not failed)
	// links to the incident's problem ticket, or that a helpdesk reply job
	// (one not failed) answers, unless a reply to it failed.
	Audience(ctx context.Context, incidentID int64, features []string, fn func(email string) error) error
	// AudiencePage returns up to limit addresses of the audience that sort
	// after after: a page, so a caller can write between pages.
	AudiencePage(ctx context.Context, incidentID int64, features []string, after string, limit int) ([]string, error)
}

// OutboxTx writes the durable outbox rows of a side effect (a customer
// email, held or queued; a chat post; a helpdesk job) in the transaction
// that causes it, and reads back what became of them. The dispatchers
// claim and settle rows through Outbox, ChatOutboxStore and
// HelpdeskOutboxStore, outside any Tx.
type OutboxTx interface {
	// EnqueueMessage stores m once (by MessageID) and one pending outbox
	// row per recipient (address lower-cased, once per message), due at
	// at; it returns how many rows are new.
	EnqueueMessage(ctx context.Context, m *OutboundMessage, recipients []Customer, at time.Time) (int, error)
	// EnqueueChat stores p once (by ID) with one pending outbox row per
	// platform, due at at, and returns how many rows it stored. An update
	// is not stored (0) when a post of the incident that renders it later
	// anyway, an alert or update not yet claimed, waits for that platform.
	EnqueueChat(ctx context.Context, p ChatPost, platforms []string, at time.Time) (int, error)
	// EnqueueHelpdesk stores j once (by ID), due at at, and reports
	// whether it stored it. A job that would change nothing is not
	// stored: a link of a ticket whose latest link or unlink job at that
	// incident and helpdesk is a link (a link that failed, a deleted
	// ticket, is not tried again); an unlink of a ticket whose latest
	// such job is not a link that has not failed; a comment or solve of
	// an incident with no problem job at that helpdesk, or whose problem
	// job failed; a reply in a conversation where a reply about that
	// incident failed (its customer is emailed instead).
	EnqueueHelpdesk(ctx context.Context, j HelpdeskJob, at time.Time) (bool, error)
	// HelpdeskProblem returns the helpdesk's id of an incident's problem
	// ticket (the result of its sent problem job), or ENOTFOUND when no
	// problem job of that incident and helpdesk was sent.
	HelpdeskProblem(ctx context.Context, incidentID int64, helpdesk string) (string, error)
	// HelpdeskFailures returns the helpdesk jobs that failed for good and
	// were not reported yet (MarkReported reports them), oldest first.
	HelpdeskFailures(ctx context.Context) ([]HelpdeskFailure, error)
	// HoldMessage stores m in state MessageHeld, with no recipient: it
	// waits for DecideMessage. ECONFLICT if its MessageID is taken.
	HoldMessage(ctx context.Context, m *OutboundMessage) error
	// Message returns one message by id, or ENOTFOUND.
	Message(ctx context.Context, messageID string) (*OutboundMessage, error)
	// DecideMessage moves a held message to state (MessageQueued or
	// MessageCancelled), recording who and when; it returns ECONFLICT,
	// naming the decision already made, when the message is no longer
	// held, so that of two concurrent approvals exactly one wins.
	DecideMessage(ctx context.Context, messageID, state, by string, at time.Time) (*OutboundMessage, error)
	// Messages returns the messages of an incident (every incident when
	// incidentID is 0) created at or after since, oldest first, with the
	// delivery counts of their recipients.
	Messages(ctx context.Context, incidentID int64, since time.Time) ([]MessageDeliveries, error)
	// LatestMessage returns the newest customer email queued (not held
	// or cancelled) about an incident, or ENOTFOUND.
	LatestMessage(ctx context.Context, incidentID int64) (*OutboundMessage, error)
	// SettledMessages returns, for every message whose unreported rows
	// have all settled, the delivery counts of those rows.
	SettledMessages(ctx context.Context) ([]DeliveryReport, error)
	// MarkReported records that a message's settled rows were reported;
	// it returns false when another process did it first.
	MarkReported(ctx context.Context, messageID string, at time.Time) (bool, error)
}

// ChatTx records where the alert of each incident was posted on each chat
// platform (a ChatAlert), so that any replica can edit it in place.
type ChatTx interface {
	// SaveChatAlert records (or replaces) the alert of an incident on a
	// platform; ECONFLICT when its message already alerts about another.
	SaveChatAlert(ctx context.Context, a *ChatAlert) error
	// ChatAlert returns the alert of an incident on a platform, or
	// ENOTFOUND.
	ChatAlert(ctx context.Context, platform string, incidentID int64) (*ChatAlert, error)
	// ChatAlertByMessage returns the alert posted as a message, or
	// ENOTFOUND.
	ChatAlertByMessage(ctx context.Context, platform, channel, messageID string) (*ChatAlert, error)
}

// StatusPageTx holds what the public status page reads beside incidents
// and maintenances: operators' component overrides and one version stamp
// of everything the page shows.
type StatusPageTx interface {
	// SetComponentOverride records an operator's state for a status page
	// component; an empty status lifts it. ComponentOverrides lists those
	// in force, by component.
	SetComponentOverride(ctx context.Context, o ComponentOverride) error
	ComponentOverrides(ctx context.Context) ([]ComponentOverride, error)
	// PublicVersion is a stamp of what the status page reads from the
	// store: the published incidents open or resolved at or after since
	// (each one's row and its latest timeline entry), the overrides and
	// the maintenances ending at or after since (each one's row and its
	// latest entry). It changes whenever one of them does (an update of the row, a new
	// entry not dated before the latest, an override set or lifted) and
	// costs one small query beside the overrides' own, so a rendered page
	// can be reused while it holds. (Every change the page shows updates
	// the row and writes an entry dated now.)
	PublicVersion(ctx context.Context, since time.Time) (string, error)
}

// MaintenanceTx stores planned maintenance windows, the tickets held on
// them and their timelines.
type MaintenanceTx interface {
	// CreateMaintenance stores a new maintenance and sets its ID;
	// ECONFLICT when its Key is taken. UpdateMaintenance rewrites one
	// (ENOTFOUND if missing). Maintenance reads one by id, or by key
	// with MaintenanceByKey (ENOTFOUND); Maintenances lists those f
	// selects by start time. Reads fill Tickets.
	CreateMaintenance(ctx context.Context, m *Maintenance) error
	UpdateMaintenance(ctx context.Context, m *Maintenance) error
	Maintenance(ctx context.Context, id int64) (*Maintenance, error)
	MaintenanceByKey(ctx context.Context, key string) (*Maintenance, error)
	Maintenances(ctx context.Context, f MaintenanceFilter) ([]*Maintenance, error)
	// MarkMaintenance records the window's start ("started") or end
	// ("ended") at at, once: false when it was already recorded, so that
	// of two replicas exactly one writes the timeline entry.
	MarkMaintenance(ctx context.Context, id int64, what string, at time.Time) (bool, error)
	// AddMaintenanceTickets records tickets on a maintenance, each once,
	// and returns how many are new; MaintenanceTickets lists them in id
	// order.
	AddMaintenanceTickets(ctx context.Context, id int64, tickets []int64, at time.Time) (int, error)
	MaintenanceTickets(ctx context.Context, id int64) ([]int64, error)
	// AppendMaintenanceEntry adds an entry to a maintenance's timeline
	// and sets its ID; MaintenanceEntries lists them, oldest first.
	AppendMaintenanceEntry(ctx context.Context, e *MaintenanceEntry) error
	MaintenanceEntries(ctx context.Context, id int64) ([]MaintenanceEntry, error)
}

// TriageTx persists the triage engine between runs: which tickets it has
// seen and in which cluster, operators' corrections waiting for the
// leader, the cluster views the API lists, and the engine's snapshot.
type TriageTx interface {
	// UntriagedTickets returns up to limit tickets that triage has not seen
	// yet, in arrival (id) order.
	UntriagedTickets(ctx context.Context, limit int) ([]*Ticket, error)
	// SetTriage records, for each ticket, the cluster triage put it in and
	// the sequence number in which triage saw it.
	SetTriage(ctx context.Context, ticketIDs, clusterIDs, seqs []int64) error
	// TriagedTickets returns up to limit tickets with a triage sequence
	// number above afterSeq, in sequence order: the replay after a
	// snapshot.
	TriagedTickets(ctx context.Context, afterSeq int64, limit int) ([]*Ticket, error)
	// LinkCluster links every ticket of a triage cluster that has no
	// incident yet to incidentID and returns how many it linked.
	LinkCluster(ctx context.Context, clusterID, incidentID int64) (int, error)
	// RelabelCluster moves every ticket of cluster from to cluster into
	// (after the triage engine merged them).
	RelabelCluster(ctx context.Context, from, into int64) error
	// QueueCorrection stores an operator correction for the triage
	// leader and sets its ID; PendingCorrections returns them in ID
	// order; DeleteCorrections drops those up to upTo once learned.
	QueueCorrection(ctx context.Context, c *TriageCorrection) error
	PendingCorrections(ctx context.Context) ([]TriageCorrection, error)
	DeleteCorrections(ctx context.Context, upTo int64) error
	// SaveClusterViews writes (or overwrites) the given clusters;
	// ReplaceClusterViews makes them the only ones; ClusterViews lists up
	// to limit, largest first, with how many there are.
	SaveClusterViews(ctx context.Context, cs []ClusterView) error
	ReplaceClusterViews(ctx context.Context, cs []ClusterView) error
	ClusterViews(ctx context.Context, limit int) ([]ClusterView, int, error)
	// SaveTriageSnapshot replaces the stored triage engine state, which
	// covers every ticket up to triage sequence number lastSeq.
	SaveTriageSnapshot(ctx context.Context, at time.Time, lastSeq int64, data []byte) error
	// TriageSnapshot returns the stored state, or ENOTFOUND.
	TriageSnapshot(ctx context.Context) (lastSeq int64, data []byte, err error)
}

// TicketFilter selects tickets. Zero fields do not filter.
type TicketFilter struct {
	IncidentID int64
	ClusterID  int64
	Since      time.Time
	AfterID    int64
	Limit      int
	// ByID orders by id (arrival order) instead of received time.
	ByID bool
	// Unassigned keeps only tickets in no incident.
	Unassigned bool
}

// IncidentFilter selects incidents. Zero fields do not filter.
type IncidentFilter struct {
	// Open keeps only incidents that are not resolved and not merged.
	Open bool
	// Published keeps only incidents published on the status page.
	Published bool
	// ResolvedSince keeps only incidents unresolved or resolved at or
	// after it.
	ResolvedSince time.Time
	Limit         int
}
