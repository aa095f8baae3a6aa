package desk

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"stormdesk"
)

// Helpdesks turns the helpdesk write-back on: an incident's reports that
// came from a helpdesk with problem tickets (Zendesk) are linked there
// under one problem ticket, and the customer-facing updates and the
// resolution are written on it; those from a helpdesk without (Intercom)
// get each customer email as a reply in their conversation. So each
// customer hears it in their own thread, and is left out of the
// incident's email (see stormdesk.Tx's Audience). Every write is a job in
// the outbox, stored in the transaction of the change that causes it and
// delivered by the helpdesk dispatcher (notify.NewHelpdeskDispatcher).
type Helpdesks struct {
	// Names are the helpdesks written back to (stormdesk.SourceZendesk):
	// tickets whose source is one of them, with the helpdesk's id as
	// external id, are linked there.
	Names []string
	// Replies are the helpdesks without problem tickets
	// (stormdesk.SourceIntercom) whose conversations get a reply instead
	// of each customer email the incident's reporters are sent: queued
	// with it, under the same policy and approval, with the email's text
	// up to its signature.
	Replies []string
	// IncidentURL, when set, is the link to an incident that the problem
	// ticket's description and the link notes carry.
	IncidentURL func(id int64) string
	// Kick wakes the helpdesk dispatcher after a commit that queued jobs.
	Kick func()
}

// helpdeskNames are the helpdesks as the timeline names them.
var helpdeskNames = map[string]string{stormdesk.SourceZendesk: "Zendesk", stormdesk.SourceIntercom: "Intercom",
	stormdesk.SourceHelpScout: "Help Scout", stormdesk.SourceFreshdesk: "Freshdesk"}

func helpdeskName(h string) string { return cmp.Or(helpdeskNames[h], h) }

// enqueueHelpdesk stores a job inside tx and notes the dispatcher's work.
func (s *Service) enqueueHelpdesk(ctx context.Context, tx stormdesk.OutboxTx, j stormdesk.HelpdeskJob) error {
	stored, err := tx.EnqueueHelpdesk(ctx, j, s.now())
	if stored {
		collected(ctx).helpdesk = true
	}
	return err
}

// helpdeskLink queues, inside tx, the links of inc's tickets that came
// from a written-back helpdesk, after the incident's problem ticket there
// (queued once: its job id is the incident's). A watch that nothing
// confirmed links nothing; a ticket already linked is not linked again.
func (s *Service) helpdeskLink(ctx context.Context, tx stormdesk.Tx, inc *stormdesk.Incident, tickets []*stormdesk.Ticket) error {
	if s.helpdesk == nil || inc.Watching() || inc.MergedInto != 0 {
		return nil
	}
	for _, h := range s.helpdesk.Names {
		var mine []*stormdesk.Ticket
		for _, t := range tickets {
			if t.Source == h && t.ExternalID != "" && t.IncidentID == inc.ID {
				mine = append(mine, t)
			}
		}
		if len(mine) == 0 {
			continue
		}
		desc, err := s.problemDescription(ctx, tx, inc)
		if err != nil {
			return err
		}
		if err := s.enqueueHelpdesk(ctx, tx, stormdesk.HelpdeskJob{ID: fmt.Sprintf("helpdesk:%s:problem:%d", h, inc.ID), IncidentID: inc.ID,
			Helpdesk: h, Kind: stormdesk.HelpdeskProblem, Subject: inc.Title, Text: desc}); err != nil {
			return err
		}
		note := fmt.Sprintf("stormdesk linked this ticket to incident #%d (%s): one problem ticket gathers every report of it, and solving it answers them all.",
			inc.ID, inc.Title)
		if u := s.incidentURL(inc.ID); u != "" {
			note += "\n" + u
		}
		for _, t := range mine {
			if err := s.enqueueHelpdesk(ctx, tx, stormdesk.HelpdeskJob{ID: fmt.Sprintf("helpdesk:%s:link:%d:%s:%s", h, inc.ID, t.ExternalID, randomID()),
				IncidentID: inc.ID, Helpdesk: h, Kind: stormdesk.HelpdeskLink, Ticket: t.ExternalID, Text: note}); err != nil {
				return err
			}
		}
	}
	return nil
}

// helpdeskLinkAll queues the links of every ticket of inc (an operator
// took the incident on, or tickets moved into it): the store skips the
// tickets already linked.
func (s *Service) helpdeskLinkAll(ctx context.Context, tx stormdesk.Tx, inc *stormdesk.Incident) error {
	if s.helpdesk == nil || inc.Watching() {
		return nil
	}
	return eachTicketPage(ctx, tx, inc.ID, func(page []*stormdesk.Ticket) error { return s.helpdeskLink(ctx, tx, inc, page) })
}

// helpdeskUnlinkAll queues the unlinks of every ticket of incident id
// (an operator said it is not an incident: its reports do not belong
// under one problem); the store skips the tickets not linked.
func (s *Service) helpdeskUnlinkAll(ctx context.Context, tx stormdesk.Tx, id int64) error {
	if s.helpdesk == nil {
		return nil
	}
	return eachTicketPage(ctx, tx, id, func(page []*stormdesk.Ticket) error {
		for _, t := range page {
			if err := s.helpdeskUnlink(ctx, tx, id, t); err != nil {
				return err
			}
		}
		return nil
	})
}

// eachTicketPage calls fn with the tickets of incident id, a page at a
// time, in id order.
func eachTicketPage(ctx context.Context, tx stormdesk.TicketTx, id int64, fn func([]*stormdesk.Ticket) error) error {
	var after int64
	for {
		page, err := tx.Tickets(ctx, stormdesk.TicketFilter{IncidentID: id, ByID: true, AfterID: after, Limit: 500})
		if err != nil || len(page) == 0 {
			return err
		}
		if err := fn(page); err != nil {
			return err
		}
		after = page[len(page)-1].ID
	}
}

// helpdeskUnlink queues, inside tx, the unlink of t from incident
// incidentID's problem ticket, if the write-back linked it there.
func (s *Service) helpdeskUnlink(ctx context.Context, tx stormdesk.OutboxTx, incidentID int64, t *stormdesk.Ticket) error {
	if s.helpdesk == nil || t.ExternalID == "" || incidentID == 0 {
		return nil
	}
	for _, h := range s.helpdesk.Names {
		if t.Source != h {
			continue
		}
		if err := s.enqueueHelpdesk(ctx, tx, stormdesk.HelpdeskJob{ID: fmt.Sprintf("helpdesk:%s:unlink:%d:%s:%s", h, incidentID, t.ExternalID, randomID()),
			IncidentID: incidentID, Helpdesk: h, Kind: stormdesk.HelpdeskUnlink, Ticket: t.ExternalID}); err != nil {
			return err
		}
	}
	return nil
}

// helpdeskUpdate queues, inside tx, a customer-facing message of inc on
// its problem tickets: a public comment, or, when resolved, the solving
// of the problem ticket with it, which the helpdesk carries to every
// linked ticket. An incident without a problem ticket queues nothing.
func (s *Service) helpdeskUpdate(ctx context.Context, tx stormdesk.OutboxTx, inc *stormdesk.Incident, entryID int64, message string, resolved bool) error {
	if s.helpdesk == nil {
		return nil
	}
	kind, text := stormdesk.HelpdeskComment, strings.TrimSpace(message)
	if resolved {
		kind = stormdesk.HelpdeskSolve
		if text == "" {
			text = fmt.Sprintf("The issue you reported (%s) is resolved. Thank you for your patience.", inc.Title)
		}
	}
	if text == "" {
		return nil
	}
	for _, h := range s.helpdesk.Names {
		if err := s.enqueueHelpdesk(ctx, tx, stormdesk.HelpdeskJob{ID: fmt.Sprintf("helpdesk:%s:%s:%d:e%d", h, kind, inc.ID, entryID),
			IncidentID: inc.ID, Helpdesk: h, Kind: kind, Text: text}); err != nil {
			return err
		}
	}
	return nil
}

func (s *Service) incidentURL(id int64) string {
	if s.helpdesk == nil || s.helpdesk.IncidentURL == nil {
		return ""
	}
	return s.helpdesk.IncidentURL(id)
}

// problemDescription is the problem ticket's internal description: what
// stormdesk knows of the incident and its upstream cause.
func (s *Service) problemDescription(ctx context.Context, tx stormdesk.UpstreamTx, inc *stormdesk.Incident) (string, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "stormdesk incident #%d: %s\n", inc.ID, inc.Title)
	if u := s.incidentURL(inc.ID); u != "" {
		fmt.Fprintf(&b, "%s\n", u)
	}
	fmt.Fprintf(&b, "Likely cause: %s\n", cmp.Or(inc.LikelyCause, "not identified yet"))
	ups, err := tx.IncidentUpstreams(ctx, []int64{inc.ID})
	if err != nil {
		return "", err
	}
	for _, u := range ups {
		fmt.Fprintf(&b, "Upstream: %s incident %s since %s UTC\n", u.Provider, u.UpstreamID, u.Start.UTC().Format("2006-01-02 15:04"))
	}
	b.WriteString("stormdesk links each customer ticket of this incident here as an incident ticket; solving this problem ticket answers them all.")
	return b.String(), nil
}

// ReportHelpdesk puts the helpdesk jobs that failed for good on their
// incidents' timelines, once, with the helpdesk's reason: one entry per
// incident and round. A reply the helpdesk refused (nothing was posted)
// is emailed to its customer instead.
func (s *Service) ReportHelpdesk(ctx context.Context) (int, error) {
	var pending bool
	if err := s.Store.View(ctx, func(tx stormdesk.Tx) error {
		fs, err := tx.HelpdeskFailures(ctx)
		pending = len(fs) > 0
		return err
	}); err != nil || !pending {
		return 0, err
	}
	now := s.now()
	n := 0
	ctx, alerts := withCollector(ctx)
	err := s.Store.Update(ctx, func(tx stormdesk.Tx) error {
		fs, err := tx.HelpdeskFailures(ctx)
		if err != nil {
			return err
		}
		var order []int64
		lines := map[int64][]string{}
		jobs := map[int64][]string{}
		for _, f := range fs {
			first, err := tx.MarkReported(ctx, f.JobID, now)
			if err != nil {
				return err
			}
			if !first {
				continue
			}
			if _, ok := lines[f.IncidentID]; !ok {
				order = append(order, f.IncidentID)
			}
			what := map[string]string{stormdesk.HelpdeskProblem: "create the problem ticket", stormdesk.HelpdeskLink: "link ticket " + f.Ticket,
				stormdesk.HelpdeskUnlink: "unlink ticket " + f.Ticket, stormdesk.HelpdeskComment: "post the update on the problem ticket",
				stormdesk.HelpdeskSolve: "solve the problem ticket", stormdesk.HelpdeskReply: "reply in conversation " + f.Ticket}[f.Kind]
			line := fmt.Sprintf("%s: could not %s: %s", helpdeskName(f.Helpdesk), cmp.Or(what, f.Kind), f.Reason)
			if f.Kind == stormdesk.HelpdeskReply && (strings.HasPrefix(f.Reason, "status ") || strings.Contains(f.Reason, stormdesk.ReplyNotSent)) {
				// Refused with a status, or never sent: nothing was
				// posted, so the customer gets the email the reply stood
				// in for.
				to, err := s.replyFallback(ctx, tx, f)
				if err != nil {
					return err
				}
				if to != "" {
					line += "; emailed to " + to + " instead"
				}
			}
			lines[f.IncidentID] = append(lines[f.IncidentID], line)
			jobs[f.IncidentID] = append(jobs[f.IncidentID], f.JobID)
		}
		for _, id := range order {
			ls := lines[id]
			text := strings.Join(ls, "\n")
			if len(ls) > 1 {
				text = fmt.Sprintf("Helpdesk write-back: %d writes failed\n%s", len(ls), text)
			}
			if err := tx.AppendTimeline(ctx, &stormdesk.TimelineEntry{IncidentID: id, At: now, Kind: stormdesk.KindNotification, Actor: stormdesk.ActorStormdesk,
				Text: truncate(text, 4000), Data: mustJSON(map[string]any{"helpdesk_failed": jobs[id]})}); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("desk: report helpdesk failures: %w", err)
	}
	s.flushAlerts(alerts)
	return n, nil
}

// replyFallback queues, inside tx, the email a failed reply stood in for
// to the customer of its conversation, and returns their address ("" when
// there is nothing to send: no email, no such message or customer).
func (s *Service) replyFallback(ctx context.Context, tx stormdesk.Tx, f stormdesk.HelpdeskFailure) (string, error) {
	if s.email == nil || f.Subject == "" {
		return "", nil
	}
	m, err := tx.Message(ctx, f.Subject)
	if stormdesk.ErrorCode(err) == stormdesk.ENOTFOUND {
		return "", nil
	} else if err != nil {
		return "", err
	}
	var to string
	err = eachTicketPage(ctx, tx, f.IncidentID, func(page []*stormdesk.Ticket) error {
		for _, t := range page {
			if t.Source == f.Helpdesk && t.ExternalID == f.Ticket && t.CustomerEmail != "" {
				to = t.CustomerEmail
			}
		}
		return nil
	})
	if err != nil || to == "" {
		return "", err
	}
	queued, err := tx.EnqueueMessage(ctx, m, []stormdesk.Customer{{Email: to}}, s.now())
	if queued > 0 {
		raiseEmail(ctx)
	}
	return to, err
}

// helpdeskJoined queues the helpdesk links of tickets that triage put in
// incident id.
func (s *Service) helpdeskJoined(ctx context.Context, tx stormdesk.Tx, id int64, tickets []*stormdesk.Ticket) error {
	if s.helpdesk == nil || len(tickets) == 0 {
		return nil
	}
	inc, err := tx.Incident(ctx, id)
	if err != nil {
		return err
	}
	for _, t := range tickets {
		t.IncidentID = id
	}
	return s.helpdeskLink(ctx, tx, inc, tickets)
}

// helpdeskAnswers says whether t's reporter hears about its incident in
// their own helpdesk thread: t came from a helpdesk written back to.
func (s *Service) helpdeskAnswers(t *stormdesk.Ticket) bool {
	return s.helpdesk != nil && t.ExternalID != "" && (slices.Contains(s.helpdesk.Names, t.Source) || slices.Contains(s.helpdesk.Replies, t.Source))
}

// helpdeskReplies queues, inside tx, a reply of m in the conversation of
// each of inc's reporters who wrote in through a helpdesk that takes
// replies, before m's email is queued: the store then leaves them out of
// its audience. tickets limits it to those (the late reporters of a
// catch-up); nil means every reporter of inc.
func (s *Service) helpdeskReplies(ctx context.Context, tx stormdesk.Tx, inc *stormdesk.Incident, m *stormdesk.OutboundMessage, tickets []*stormdesk.Ticket) error {
	if s.helpdesk == nil || len(s.helpdesk.Replies) == 0 || inc.Watching() {
		return nil
	}
	text, _, _ := strings.Cut(m.Text, "\n-- \n") // the email's signature and unsubscribe link stay out
	reply := func(page []*stormdesk.Ticket) error {
		for _, t := range page {
			if t.ExternalID == "" || !slices.Contains(s.helpdesk.Replies, t.Source) {
				continue
			}
			if err := s.enqueueHelpdesk(ctx, tx, stormdesk.HelpdeskJob{ID: fmt.Sprintf("helpdesk:%s:reply:%s:%s", t.Source, m.MessageID, t.ExternalID),
				IncidentID: inc.ID, Helpdesk: t.Source, Kind: stormdesk.HelpdeskReply, Ticket: t.ExternalID, Subject: m.MessageID, Text: strings.TrimSpace(text)}); err != nil {
				return err
			}
		}
		return nil
	}
	if tickets != nil {
		return reply(tickets)
	}
	return eachTicketPage(ctx, tx, inc.ID, reply)
}
