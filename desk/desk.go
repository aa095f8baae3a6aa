// Package desk holds stormdesk's use cases: a ticket arrives, an incident
// is declared or changes status, a note is added. It is the one place that
// orchestrates the domain, the store and (as they arrive) triage and
// notifications. Each use case is one store transaction.
package desk

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"stormdesk"
	"stormdesk/templates"
	"stormdesk/triage"
)

// MaxFutureSkew is how far in the future a sender-given received time may
// lie before it is refused: clocks drift, calendars do not.
const MaxFutureSkew = 5 * time.Minute

// Service runs the use cases. It is built whole by New; its exported
// fields are there to be read, and are what Options set.
type Service struct {
	Store stormdesk.Store
	// Now is the clock; tests and replays pass a virtual one.
	Now func() time.Time
	Log *slog.Logger
	// ProductName names the product in customer emails.
	ProductName string
	// Leader says whether this replica leads; nil means always.
	Leader Leader

	leadMu  sync.Mutex
	leading bool

	email    *Email
	chat     *Chat
	helpdesk *Helpdesks

	// components are the status page's, in page order.
	components []stormdesk.Component
	// publishOnAck is Options.PublishOnAcknowledge.
	publishOnAck bool

	// tri is the triage engine; nil without Options.Triage.
	tri *triageState
	// up watches dependencies and probes; nil without Options.Upstream.
	up *Upstream

	// tickets and notes feed the group-commit writers; nil without
	// Options.GroupCommit.
	tickets *committer[*stormdesk.Ticket, bool]
	notes   *committer[*stormdesk.TimelineEntry, struct{}]
}

// Leader says whether this replica leads (several replicas on one
// Postgres): only the leader triages.
type Leader interface {
	IsLeader(ctx context.Context) error
}

// Options are what a Service is built with. They are fixed once New
// returns: a Service is complete when its constructor returns, and
// nothing about it is switched on later.
type Options struct {
	// Now is the clock (time.Now when nil).
	Now func() time.Time
	// Log receives the desk's log lines (slog.Default when nil).
	Log         *slog.Logger
	ProductName string
	// Leader, when set, says whether this replica leads.
	Leader Leader
	// Email turns customer email on; nil: Notify refuses and nothing is
	// queued.
	Email *Email
	// Chat turns chat posts (alerts, updates, approvals, reminders) on.
	Chat *Chat
	// Helpdesks turns the helpdesk write-back on.
	Helpdesks *Helpdesks
	// Upstream turns feed polling and probes on.
	Upstream *Upstream
	// Triage turns triage on: New rebuilds the engine from the store (see
	// TriagePending).
	Triage *triage.Config
	// GroupCommit starts the group-commit writers; Close stops them.
	GroupCommit *GroupCommit
	// Components are the public status page's components, in page order.
	Components []stormdesk.Component
	// PublishOnAcknowledge is the page's publication policy
	// (status_page.publish: acknowledged): an incident is put on the page
	// when an operator acknowledges it.
	PublishOnAcknowledge bool
	// Maintenances are the scheduled maintenances of the configuration
	// (each with its Key): New stores them (SyncMaintenances). Non-nil
	// and empty, it cancels those the configuration held before; nil
	// leaves them alone (a command that reads no configuration).
	Maintenances []stormdesk.Maintenance
}

// New returns a Service over store with opt. With Options.Triage it reads
// the store to rebuild the triage engine; with Options.GroupCommit it
// starts writers, and Close must be called after the last IngestTicket
// and AddNote have returned.
func New(ctx context.Context, store stormdesk.Store, opt Options) (*Service, error) {
	s := &Service{Store: store, Now: opt.Now, Log: cmp.Or(opt.Log, slog.Default()), ProductName: opt.ProductName,
		Leader: opt.Leader, email: opt.Email, chat: opt.Chat, helpdesk: opt.Helpdesks, up: opt.Upstream, components: opt.Components,
		publishOnAck: opt.PublishOnAcknowledge}
	if s.Now == nil {
		s.Now = time.Now
	}
	if opt.Maintenances != nil {
		if err := s.SyncMaintenances(ctx, opt.Maintenances); err != nil {
			return nil, err
		}
	}
	if opt.Triage != nil {
		if err := s.enableTriage(ctx, *opt.Triage); err != nil {
			return nil, err
		}
	}
	if g := opt.GroupCommit; g != nil {
		s.startGroupCommit(*g)
	}
	return s, nil
}

// Close stops the group-commit writers once they have written what is
// queued. Call it after the HTTP server has shut down.
func (s *Service) Close() { s.stopGroupCommit() }

// now reads the clock at the stores' precision, so that what a use case
// returns equals what a later read finds.
func (s *Service) now() time.Time { return s.Now().UTC().Truncate(time.Microsecond) }

// PrepareTicket normalises a ticket, fills the received time if the sender
// gave none, and validates it. It writes nothing.
func (s *Service) PrepareTicket(t *stormdesk.Ticket) error {
	now := s.now()
	if t.Source == "" {
		t.Source = stormdesk.SourceAPI
	}
	if t.ReceivedAt.IsZero() {
		t.ReceivedAt = now
	}
	t.CreatedAt = now
	t.Normalize()
	if err := t.Validate(); err != nil {
		return err
	}
	if t.ReceivedAt.After(now.Add(MaxFutureSkew)) {
		return stormdesk.Errorf(stormdesk.EINVALID, "received_at: %s is in the future", t.ReceivedAt.Format(time.RFC3339))
	}
	return nil
}

// IngestTickets prepares and stores tickets in one transaction. A bad
// ticket rejects the whole call with an EINVALID error naming its index
// ("tickets[3].subject: required"); a repeated (source, external id)
// comes back as the stored ticket with created[i] false.
func (s *Service) IngestTickets(ctx context.Context, tickets []*stormdesk.Ticket) (created []bool, err error) {
	for i, t := range tickets {
		if err := s.PrepareTicket(t); err != nil {
			if len(tickets) == 1 {
				return nil, err
			}
			return nil, stormdesk.Errorf(stormdesk.EINVALID, "tickets[%d].%s", i, stormdesk.ErrorMessage(err))
		}
	}
	return s.storeTickets(ctx, tickets)
}

// storeTickets writes prepared tickets in one transaction and wakes the
// triage worker: intake answers as soon as tickets are durable, and
// clustering follows behind it.
func (s *Service) storeTickets(ctx context.Context, tickets []*stormdesk.Ticket) (created []bool, err error) {
	err = s.Store.Update(ctx, func(tx stormdesk.Tx) error {
		created, err = tx.CreateTickets(ctx, tickets)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("desk: ingest %d tickets: %w", len(tickets), err)
	}
	s.kickTriage()
	return created, nil
}

// Ticket returns one ticket.
func (s *Service) Ticket(ctx context.Context, id int64) (t *stormdesk.Ticket, err error) {
	err = s.Store.View(ctx, func(tx stormdesk.Tx) error { t, err = tx.Ticket(ctx, id); return err })
	return t, err
}

// Incident returns one incident.
func (s *Service) Incident(ctx context.Context, id int64) (inc *stormdesk.Incident, err error) {
	err = s.Store.View(ctx, func(tx stormdesk.Tx) error { inc, err = tx.Incident(ctx, id); return err })
	return inc, err
}

// Incidents lists incidents, newest first.
func (s *Service) Incidents(ctx context.Context, f stormdesk.IncidentFilter) (out []*stormdesk.Incident, err error) {
	err = s.Store.View(ctx, func(tx stormdesk.Tx) error { out, err = tx.Incidents(ctx, f); return err })
	return out, err
}

// Timeline returns an incident's timeline, oldest first.
func (s *Service) Timeline(ctx context.Context, id int64) (out []*stormdesk.TimelineEntry, err error) {
	err = s.Store.View(ctx, func(tx stormdesk.Tx) error {
		if _, err := tx.Incident(ctx, id); err != nil {
			return err
		}
		out, err = tx.Timeline(ctx, id)
		return err
	})
	return out, err
}

// Declare opens an incident by hand and records who declared it.
func (s *Service) Declare(ctx context.Context, title string, sev stormdesk.Severity, actor string) (*stormdesk.Incident, error) {
	now := s.now()
	inc := &stormdesk.Incident{Title: title, Status: stormdesk.StatusInvestigating, Severity: sev, Features: []string{}, CreatedAt: now, UpdatedAt: now}
	if err := inc.Validate(); err != nil {
		return nil, err
	}
	err := s.Store.Update(ctx, func(tx stormdesk.Tx) error {
		if err := tx.CreateIncident(ctx, inc); err != nil {
			return err
		}
		return tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: inc.ID, At: now, Kind: stormdesk.KindDeclared, Actor: actor,
			Text: fmt.Sprintf("Incident declared: %s (%s)", inc.Title, inc.Severity)})
	})
	if err != nil {
		return nil, fmt.Errorf("desk: declare: %w", err)
	}
	return inc, nil
}

// SetStatus moves an incident to a new status, enforcing the legal
// transitions, and records the change and its message on the timeline.
// Moving out of triage for the first time acknowledges the incident.
// actorKey identifies actor across requests: an automatic email the
// change holds for approval names them as its requester, so that they
// cannot approve it themselves.
func (s *Service) SetStatus(ctx context.Context, id int64, next stormdesk.Status, message, actor, actorKey string) (inc *stormdesk.Incident, err error) {
	now := s.now()
	ctx, alerts := withCollector(ctx)
	err = s.Store.Update(ctx, func(tx stormdesk.Tx) error {
		inc, err = tx.Incident(ctx, id)
		if err != nil {
			return err
		}
		if err := inc.Changeable("change"); err != nil {
			return err
		}
		if err := inc.Status.Transition(next); err != nil {
			return err
		}
		prev := inc.Status
		inc.Status, inc.UpdatedAt = next, now
		if inc.AcknowledgedAt == nil {
			inc.AcknowledgedAt = &now
		}
		switch next {
		case stormdesk.StatusResolved:
			inc.ResolvedAt = &now
		case stormdesk.StatusInvestigating:
			inc.ResolvedAt = nil
		}
		if err := tx.UpdateIncident(ctx, inc); err != nil {
			return err
		}
		if err := s.raise(ctx, tx, id, ""); err != nil {
			return err
		}
		text := fmt.Sprintf("Status changed from %s to %s", prev, next)
		if m := strings.TrimSpace(message); m != "" {
			text += ": " + m
		}
		data, _ := json.Marshal(map[string]string{"from": string(prev), "to": string(next), "message": message})
		entry := &stormdesk.TimelineEntry{IncidentID: id, At: now, Kind: stormdesk.KindStatusChange, Actor: actor, Text: text, Data: data}
		if err := tx.AppendTimeline(ctx, entry); err != nil {
			return err
		}
		// The helpdesk writes too: the message on the problem ticket, or
		// its solving, which answers every linked ticket.
		if err := s.helpdeskUpdate(ctx, tx, inc, entry.ID, message, next == stormdesk.StatusResolved); err != nil {
			return err
		}
		// The customer email a status change causes is queued in the same
		// transaction: committed together or not at all.
		by := requester{actor, actorKey}
		switch {
		case next == stormdesk.StatusResolved:
			return s.autoEmail(ctx, tx, inc, templates.EmailResolved, message, by, now)
		case strings.TrimSpace(message) != "":
			return s.autoEmail(ctx, tx, inc, templates.EmailUpdate, message, by, now)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("desk: set status of incident %d: %w", id, err)
	}
	s.flushAlerts(alerts)
	return inc, nil
}

// AddNote records a note on an incident's timeline. at is the note's own
// time (a chat message's timestamp); zero means now.
func (s *Service) AddNote(ctx context.Context, id int64, text, actor string, at time.Time) (*stormdesk.TimelineEntry, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil, stormdesk.Errorf(stormdesk.EINVALID, "note: text required")
	}
	if at.IsZero() {
		at = s.now()
	}
	e := &stormdesk.TimelineEntry{IncidentID: id, At: at.UTC(), Kind: stormdesk.KindNote, Actor: actor, Text: text}
	// One statement: the store refuses an entry for a missing incident,
	// so a chat note costs one write, not a read and a write; under load
	// notes share transactions (group commit).
	var err error
	if s.notes != nil {
		_, err = s.notes.do(ctx, e)
	} else {
		_, err = s.appendEntries(ctx, []*stormdesk.TimelineEntry{e})
	}
	if err != nil {
		return nil, fmt.Errorf("desk: add note to incident %d: %w", id, err)
	}
	return e, nil
}

// Ready reports whether the store answers.
func (s *Service) Ready(ctx context.Context) error { return s.Store.Ping(ctx) }

// CorrectEntry rewrites a timeline entry's text and time (zero keeps
// them) and records the correction itself, with the old values, on the
// same timeline.
func (s *Service) CorrectEntry(ctx context.Context, entryID int64, text string, at time.Time, actor string) (e *stormdesk.TimelineEntry, err error) {
	text = strings.TrimSpace(text)
	if text == "" && at.IsZero() {
		return nil, stormdesk.Errorf(stormdesk.EINVALID, "correction: give a new text, a new time, or both")
	}
	if !utf8.ValidString(text) || len(text) > 10000 {
		return nil, stormdesk.Errorf(stormdesk.EINVALID, "text: invalid UTF-8 or longer than 10000 bytes")
	}
	now := s.now()
	err = s.Store.Update(ctx, func(tx stormdesk.Tx) error {
		if e, err = tx.TimelineEntry(ctx, entryID); err != nil {
			return err
		}
		if e.Kind == stormdesk.KindCorrection {
			return stormdesk.Errorf(stormdesk.ECONFLICT, "entry %d records a correction; corrections are not corrected", entryID)
		}
		old := map[string]any{"entry_id": e.ID, "old_text": e.Text, "old_at": e.At}
		if text != "" {
			e.Text = text
		}
		if !at.IsZero() {
			e.At = at.UTC().Truncate(time.Microsecond)
		}
		if err := tx.UpdateTimelineEntry(ctx, e); err != nil {
			return err
		}
		return tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: e.IncidentID, At: now, Kind: stormdesk.KindCorrection, Actor: actor,
			Text: fmt.Sprintf("Corrected the %s entry of %s UTC", e.Kind, old["old_at"].(time.Time).Format("15:04")), Data: mustJSON(old)})
	})
	if err != nil {
		return nil, fmt.Errorf("desk: correct timeline entry %d: %w", entryID, err)
	}
	return e, nil
}

var _ stormdesk.IncidentService = (*Service)(nil)
