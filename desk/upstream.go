package desk

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"

	"stormdesk"
	"stormdesk/upstream"
)

// Upstream is the watching configuration: the dependencies' feeds and the
// product's synthetic probes.
type Upstream struct {
	Config      *upstream.Config
	Fetcher     *upstream.Fetcher
	ProbeClient *http.Client
}

// backoff bounds for a failing feed: the scheduler keeps firing at the
// feed's interval and a poll is skipped until the backoff has passed.
const (
	feedBackoffBase = 30 * time.Second
	feedBackoffMax  = 15 * time.Minute
)

func (s *Service) dependency(name string) (*upstream.Dependency, error) {
	if s.up == nil || s.up.Config == nil {
		return nil, stormdesk.Errorf(stormdesk.EINVALID, "no dependencies configured (set STORMDESK_CONFIG)")
	}
	for i := range s.up.Config.Dependencies {
		if d := &s.up.Config.Dependencies[i]; d.Name == name {
			return d, nil
		}
	}
	var names []string
	for _, d := range s.up.Config.Dependencies {
		names = append(names, d.Name)
	}
	return nil, stormdesk.Errorf(stormdesk.ENOTFOUND, "dependency %q is not configured (configured: %s)", name, strings.Join(names, ", "))
}

func (s *Service) watchState(ctx context.Context, name, kind, url string) (*stormdesk.WatchState, error) {
	var st *stormdesk.WatchState
	err := s.Store.View(ctx, func(tx stormdesk.Tx) (err error) { st, err = tx.WatchState(ctx, name); return err })
	if stormdesk.ErrorCode(err) == stormdesk.ENOTFOUND {
		return &stormdesk.WatchState{Name: name, Kind: kind, URL: url, State: stormdesk.WatchNever}, nil
	}
	return st, err
}

// PollFeed fetches one dependency's feed, diffs it against the last
// payload understood, stores the real changes once each and correlates
// them with incidents. force skips the error backoff (a poll by hand).
// A feed that cannot be read is recorded as unreadable with the reason and
// retried with backoff; it never stops anything else.
func (s *Service) PollFeed(ctx context.Context, name string, force bool) (*stormdesk.WatchState, error) {
	dep, err := s.dependency(name)
	if err != nil {
		return nil, err
	}
	st, err := s.watchState(ctx, dep.Name, cmp.Or(string(dep.Feed.Kind), "auto"), upstream.RedactURL(dep.Feed.URL))
	if err != nil {
		return nil, err
	}
	now := s.now()
	if !force && st.Failures > 0 && now.Before(st.LastPollAt.Add(upstream.Backoff(st.Failures, feedBackoffBase, feedBackoffMax, upstream.Seed(dep.Name)))) {
		return st, nil
	}
	st.Kind, st.URL, st.LastPollAt = cmp.Or(string(dep.Feed.Kind), "auto"), upstream.RedactURL(dep.Feed.URL), now
	fctx := ctx
	if dep.Timeout > 0 {
		var cancel context.CancelFunc
		fctx, cancel = context.WithTimeout(ctx, dep.Timeout)
		defer cancel()
	}
	res, err := s.up.Fetcher.Fetch(fctx, dep.Feed.URL, upstream.DecodeValidators(st.Validators))
	if err != nil {
		return st, s.feedUnreadable(ctx, st, err)
	}
	st.LatencyMS = res.Latency.Milliseconds()
	if res.NotModified {
		st.State, st.Reason, st.Failures, st.LastOKAt = stormdesk.WatchOK, "", 0, now
		return st, s.saveWatch(ctx, st)
	}
	snap, err := upstream.Parse(res.Body, dep.Feed.Kind)
	if err != nil {
		return st, s.feedUnreadable(ctx, st, err)
	}
	var events []upstream.Event
	if len(st.Snapshot) == 0 {
		events = upstream.Events(snap, dep.Name)
	} else {
		var prev upstream.Snapshot
		if err := json.Unmarshal(st.Snapshot, &prev); err != nil {
			events = upstream.Events(snap, dep.Name) // dedup keys keep this from repeating anything
		} else {
			events = upstream.Diff(&prev, snap, dep.Name)
		}
	}
	events = ofInterest(events, dep.Components)
	st.Snapshot, _ = json.Marshal(snap)
	st.Validators = res.Validators.Encode()
	st.State, st.Reason, st.Failures, st.LastOKAt = stormdesk.WatchOK, "", 0, now
	// Only upstream incidents that are still going raise incidents; a
	// feed's history of resolved ones is recorded and nothing more.
	over := map[string]bool{}
	for _, in := range snap.Incidents {
		if in.Resolved() || in.Maintenance {
			over[in.ID] = true
		}
	}
	if err := s.applyUpstream(ctx, dep.Features, events, st, over); err != nil {
		return st, err
	}
	return st, nil
}

func (s *Service) feedUnreadable(ctx context.Context, st *stormdesk.WatchState, cause error) error {
	st.State, st.Failures = stormdesk.WatchUnreadable, st.Failures+1
	st.Reason = upstream.Reason(cause) + ": " + cause.Error()
	s.Log.Warn("feed unreadable", slog.String("upstream", st.Name), slog.Int("failures", st.Failures), slog.String("reason", st.Reason))
	if err := s.saveWatch(ctx, st); err != nil {
		return err
	}
	return stormdesk.Errorf(stormdesk.EUNAVAILABLE, "feed %s unreadable: %s", st.Name, st.Reason)
}

func (s *Service) saveWatch(ctx context.Context, st *stormdesk.WatchState) error {
	return s.Store.Update(ctx, func(tx stormdesk.Tx) error { return tx.SaveWatchState(ctx, st) })
}

// ofInterest keeps the events about the configured components; an
// incident that names no component is kept (it may concern any of them).
func ofInterest(events []upstream.Event, components []string) []upstream.Event {
	if len(components) == 0 {
		return events
	}
	want := func(ids ...string) bool {
		for _, id := range ids {
			for _, c := range components {
				if strings.EqualFold(c, id) {
					return true
				}
			}
		}
		return false
	}
	var out []upstream.Event
	for _, e := range events {
		switch {
		case e.ComponentID != "":
			if want(e.ComponentID, e.Title) {
				out = append(out, e)
			}
		case len(e.Components) == 0 || want(e.Components...):
			out = append(out, e)
		}
	}
	return out
}

// PollProbe runs one synthetic probe and records its result; after the
// configured number of consecutive failures it raises "probe failing"
// (and opens or joins an incident for the features it guards), and on the
// first success after that, "probe recovered".
func (s *Service) PollProbe(ctx context.Context, name string) (*stormdesk.WatchState, error) {
	if s.up == nil || s.up.Config == nil {
		return nil, stormdesk.Errorf(stormdesk.EINVALID, "no probes configured (set STORMDESK_CONFIG)")
	}
	var p *upstream.Probe
	for i := range s.up.Config.Probes {
		if s.up.Config.Probes[i].Name == name {
			p = &s.up.Config.Probes[i]
		}
	}
	if p == nil {
		return nil, stormdesk.Errorf(stormdesk.ENOTFOUND, "probe %q is not configured", name)
	}
	st, err := s.watchState(ctx, "probe:"+p.Name, "probe", upstream.RedactURL(p.URL))
	if err != nil {
		return nil, err
	}
	tracker := upstream.NewProbeTracker(p.Name, p.Failures)
	if len(st.Snapshot) > 0 {
		_ = json.Unmarshal(st.Snapshot, tracker) // a bad state starts the count over
		tracker.Threshold = max(p.Failures, 1)
	}
	client := s.up.ProbeClient
	if client == nil {
		client = http.DefaultClient
	}
	res := upstream.RunProbe(ctx, client, p.ProbeConfig)
	now := s.now()
	since := tracker.FailingSince
	ev, fired := tracker.Observe(res, now)
	if !tracker.FailingSince.IsZero() {
		since = tracker.FailingSince
	}
	st.LastPollAt, st.LatencyMS, st.Failures = now, res.Latency.Milliseconds(), tracker.Consecutive
	switch {
	case res.OK:
		st.State, st.Reason, st.LastOKAt = stormdesk.WatchOK, "", now
	case tracker.Failing:
		st.State, st.Reason = stormdesk.WatchFailing, res.Err
	default:
		st.State, st.Reason = stormdesk.WatchOK, "last check failed: "+res.Err
	}
	st.Snapshot, _ = json.Marshal(tracker)
	var events []upstream.Event
	if fired {
		// A probe's failing run is its "upstream incident": failing and
		// recovered share the run's start as their id.
		ev.IncidentID = "run-" + since.UTC().Format("20060102T150405Z")
		ev.Title = "Probe " + p.Name + " failing"
		events = append(events, ev)
	}
	return st, s.applyUpstream(ctx, p.Features, events, st, nil)
}

// applyUpstream stores the watch state and the new events in one
// transaction and correlates each new event with incidents.
// over names upstream incidents that are already resolved: their events
// are recorded and go onto the timelines of incidents they are tied to,
// but they raise nothing new.
func (s *Service) applyUpstream(ctx context.Context, features []string, events []upstream.Event, st *stormdesk.WatchState, over map[string]bool) error {
	rows := make([]*stormdesk.UpstreamEvent, len(events))
	for i, e := range events {
		rows[i] = &stormdesk.UpstreamEvent{DedupKey: e.DedupKey, Provider: e.Provider, Kind: string(e.Kind), UpstreamID: e.IncidentID, UpdateID: e.UpdateID,
			At: e.At.UTC().Truncate(time.Microsecond), Title: e.Title, Text: e.Text, Status: e.Status, Impact: e.Impact, URL: e.URL}
	}
	ctx, alerts := withCollector(ctx)
	err := s.Store.Update(ctx, func(tx stormdesk.Tx) error {
		if err := tx.SaveWatchState(ctx, st); err != nil {
			return err
		}
		inserted, err := tx.AddUpstreamEvents(ctx, rows)
		if err != nil {
			return err
		}
		for i, e := range rows {
			if inserted[i] {
				f := features
				if over[e.UpstreamID] {
					f = nil
				}
				if err := s.correlate(ctx, tx, f, e); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("desk: apply upstream %s: %w", st.Name, err)
	}
	s.flushAlerts(alerts)
	return nil
}

// isIncidentEvent is true for events about an upstream incident (not a
// maintenance or a component) and for probe runs.
func isIncidentEvent(kind string) bool {
	switch upstream.EventKind(kind) {
	case upstream.EventIncidentOpened, upstream.EventIncidentUpdate, upstream.EventIncidentStatus, upstream.EventIncidentImpact,
		upstream.EventIncidentResolved, upstream.EventProbeFailing, upstream.EventProbeRecovered:
		return true
	}
	return false
}

// correlate ties one new upstream event to incidents.
//
// An event of an upstream incident already tied to incidents goes onto
// their timelines; its resolution closes a watch that nothing confirmed.
// The first event of an upstream incident on a dependency that backs
// product features is tied to the live incident about those features, if
// there is one (it becomes the likely cause); otherwise it opens an
// upstream watch: the ops channel is alerted at once, before any customer
// writes in, and no customer is emailed. Reports about those features, or
// a failing probe, confirm the watch and make it an incident.
//
// A probe's failing run is not a provider's word but the product's own
// evidence: it confirms the watch about its features, or opens an
// incident.
func (s *Service) correlate(ctx context.Context, tx stormdesk.Tx, features []string, e *stormdesk.UpstreamEvent) error {
	if !isIncidentEvent(e.Kind) || e.UpstreamID == "" {
		return nil
	}
	resolved := e.Kind == string(upstream.EventIncidentResolved) || e.Kind == string(upstream.EventProbeRecovered) || e.Status == "resolved" || e.Status == "postmortem"
	links, err := tx.UpstreamLinks(ctx, e.Provider, e.UpstreamID)
	if err != nil {
		return err
	}
	if len(links) > 0 {
		for _, id := range links {
			if err := tx.AppendTimeline(ctx, upstreamEntry(id, e)); err != nil {
				return err
			}
			if resolved {
				if err := s.closeWatch(ctx, tx, id, e); err != nil {
					return err
				}
			}
			if err := s.raise(ctx, tx, id, ""); err != nil {
				return err
			}
		}
		return nil
	}
	if len(features) == 0 || resolved {
		return nil
	}
	cause := e.Provider + ": " + e.Title
	probe := e.Kind == string(upstream.EventProbeFailing)
	inc, err := s.matchingIncident(ctx, tx, features)
	if err != nil {
		return err
	}
	now := s.now()
	switch {
	case inc == nil && probe:
		inc = &stormdesk.Incident{Title: truncate(cause, 200), Status: stormdesk.StatusTriage, Severity: stormdesk.SeverityMajor, Features: slices.Clone(features),
			LikelyCause: cause, CreatedAt: now, UpdatedAt: now}
		if err := tx.CreateIncident(ctx, inc); err != nil {
			return err
		}
		if err := tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: inc.ID, At: now, Kind: stormdesk.KindDetected, Actor: stormdesk.ActorStormdesk,
			Text: fmt.Sprintf("Incident raised: probe %s is failing; it guards %s", e.Provider, strings.Join(features, ", ")),
			Data: mustJSON(map[string]any{"provider": e.Provider, "upstream_id": e.UpstreamID, "features": features, "confirmed_by": "probe"})}); err != nil {
			return err
		}
		s.Log.Info("incident raised from a failing probe", slog.Int64("incident_id", inc.ID), slog.String("upstream", e.Provider))
		if err := s.raise(ctx, tx, inc.ID, fmt.Sprintf("probe %s is failing; it guards %s", e.Provider, strings.Join(features, ", "))); err != nil {
			return err
		}
	case inc == nil:
		sev := stormdesk.SeverityMajor
		if e.Impact == "critical" {
			sev = stormdesk.SeverityCritical
		}
		inc = &stormdesk.Incident{Title: truncate(cause, 200), Status: stormdesk.StatusWatching, Severity: sev, Features: slices.Clone(features),
			LikelyCause: cause, CreatedAt: now, UpdatedAt: now}
		if err := tx.CreateIncident(ctx, inc); err != nil {
			return err
		}
		if err := tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: inc.ID, At: now, Kind: stormdesk.KindDetected, Actor: stormdesk.ActorStormdesk,
			Text: fmt.Sprintf("Upstream watch: %s reports %q; it backs %s; no customer reports yet", e.Provider, e.Title, strings.Join(features, ", ")),
			Data: mustJSON(map[string]any{"provider": e.Provider, "upstream_id": e.UpstreamID, "features": features, "watch": true})}); err != nil {
			return err
		}
		s.Log.Info("upstream watch opened", slog.Int64("incident_id", inc.ID), slog.String("upstream", e.Provider))
		if err := s.raise(ctx, tx, inc.ID, fmt.Sprintf("%s reports %q; it backs %s; no customer reports yet", e.Provider, e.Title, strings.Join(features, ", "))); err != nil {
			return err
		}
	case inc.Watching() && probe:
		inc.Status, inc.ConfirmedAt, inc.UpdatedAt = stormdesk.StatusTriage, &now, now
		if err := tx.UpdateIncident(ctx, inc); err != nil {
			return err
		}
		if err := tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: inc.ID, At: now, Kind: stormdesk.KindDetected, Actor: stormdesk.ActorStormdesk,
			Text: fmt.Sprintf("Confirmed: probe %s is failing; it guards %s", e.Provider, strings.Join(intersect(inc.Features, features), ", ")),
			Data: mustJSON(map[string]any{"provider": e.Provider, "upstream_id": e.UpstreamID, "confirmed_by": "probe"})}); err != nil {
			return err
		}
		s.Log.Info("upstream watch confirmed by a failing probe", slog.Int64("incident_id", inc.ID), slog.String("probe", e.Provider))
	case inc.LikelyCause == "":
		inc.LikelyCause, inc.UpdatedAt = cause, now
		if err := tx.UpdateIncident(ctx, inc); err != nil {
			return err
		}
		data := mustJSON(map[string]any{"provider": e.Provider, "upstream_id": e.UpstreamID, "features": features, "evidence": "features " + strings.Join(intersect(inc.Features, features), ", ")})
		if err := tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: inc.ID, At: now, Kind: stormdesk.KindCauseIdentified, Actor: stormdesk.ActorStormdesk,
			Text: fmt.Sprintf("Likely cause: %s (it backs %s, which these reports are about)", cause, strings.Join(intersect(inc.Features, features), ", ")), Data: data}); err != nil {
			return err
		}
	}
	if _, err := tx.LinkUpstream(ctx, inc.ID, e.Provider, e.UpstreamID, now); err != nil {
		return err
	}
	if err := s.raise(ctx, tx, inc.ID, ""); err != nil {
		return err
	}
	// Backfill: the upstream incident's earlier events (and this one),
	// at the provider's own times.
	evs, err := tx.UpstreamEvents(ctx, e.Provider, e.UpstreamID)
	if err != nil {
		return err
	}
	for _, ue := range evs {
		if ue.ID > e.ID {
			// Stored in this same poll after e: it reaches the timeline
			// when its own turn comes.
			continue
		}
		if err := tx.AppendTimeline(ctx, upstreamEntry(inc.ID, ue)); err != nil {
			return err
		}
	}
	return nil
}

// closeWatch closes a watch whose upstream incidents are all over with
// nothing confirming an impact: the ops channel learns it ended, the
// timeline keeps it, no customer is emailed.
func (s *Service) closeWatch(ctx context.Context, tx stormdesk.Tx, id int64, e *stormdesk.UpstreamEvent) error {
	inc, err := tx.Incident(ctx, id)
	if err != nil || !inc.Watching() {
		return err
	}
	links, err := tx.IncidentUpstreams(ctx, []int64{id})
	if err != nil {
		return err
	}
	for _, l := range links {
		if l.ResolvedAt == nil {
			return nil // another upstream incident it watches is still going
		}
	}
	now := s.now()
	inc.Status, inc.ResolvedAt, inc.UpdatedAt = stormdesk.StatusResolved, &now, now
	if err := tx.UpdateIncident(ctx, inc); err != nil {
		return err
	}
	s.Log.Info("upstream watch closed without customer impact", slog.Int64("incident_id", id), slog.String("upstream", e.Provider))
	return tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: id, At: now, Kind: stormdesk.KindStatusChange, Actor: stormdesk.ActorStormdesk,
		Text: fmt.Sprintf("Watch closed: %s resolved, and no customer report or probe confirmed an impact", e.Provider),
		Data: mustJSON(map[string]string{"from": string(stormdesk.StatusWatching), "to": string(stormdesk.StatusResolved), "reason": "upstream_resolved_unconfirmed"})})
}

// liveWindow is how recently an open incident must have gained a report
// (or opened) for an upstream incident on its features to be tied to it:
// Monday's forgotten incident does not explain Wednesday's outage.
const liveWindow = 4 * time.Hour

// matchingIncident returns the newest open incident whose features
// intersect features and that is live (a watch, or an incident that
// opened or gained a report within liveWindow), or nil.
func (s *Service) matchingIncident(ctx context.Context, tx stormdesk.IncidentTx, features []string) (*stormdesk.Incident, error) {
	open, err := tx.Incidents(ctx, stormdesk.IncidentFilter{Open: true, Limit: 200})
	if err != nil {
		return nil, err
	}
	now := s.now()
	for _, inc := range open {
		if len(intersect(inc.Features, features)) == 0 {
			continue
		}
		if inc.Watching() || now.Sub(inc.CreatedAt) <= liveWindow {
			return inc, nil
		}
		ms, err := tx.Members(ctx, []int64{inc.ID})
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			if now.Sub(m.JoinedAt) <= liveWindow {
				return inc, nil
			}
		}
	}
	return nil, nil
}

func intersect(a, b []string) []string {
	var out []string
	for _, x := range a {
		if slices.Contains(b, x) && !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

// upstreamEntry is the timeline entry for an upstream event: the
// provider's words at the provider's time.
func upstreamEntry(incidentID int64, e *stormdesk.UpstreamEvent) *stormdesk.TimelineEntry {
	text := e.Text
	if text == "" {
		text = e.Title
	}
	line := e.Provider + ": " + strings.Join(strings.Fields(text), " ")
	if e.Status != "" {
		line += " (" + e.Status + ")"
	}
	kind := stormdesk.KindUpstream
	if strings.HasPrefix(e.Kind, "probe_") {
		kind = stormdesk.KindProbe
	}
	status := e.Status
	if e.Kind == string(upstream.EventIncidentResolved) || e.Kind == string(upstream.EventProbeRecovered) {
		status = "resolved"
	} else if e.Kind == string(upstream.EventProbeFailing) {
		status = "investigating"
	}
	data, _ := json.Marshal(map[string]string{"provider": e.Provider, "upstream_id": e.UpstreamID, "event": e.Kind, "status": status, "impact": e.Impact})
	return &stormdesk.TimelineEntry{IncidentID: incidentID, At: e.At, Kind: kind, Actor: e.Provider, Text: truncate(line, 2000), Data: data, SourceURL: e.URL}
}

// WatchStates lists the state of every watched feed and probe.
func (s *Service) WatchStates(ctx context.Context) (out []*stormdesk.WatchState, err error) {
	err = s.Store.View(ctx, func(tx stormdesk.Tx) error { out, err = tx.WatchStates(ctx); return err })
	return out, err
}
