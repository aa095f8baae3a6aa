// Package stormdesk holds the domain of the stormdesk incident bot: tickets,
// incidents and their legal status transitions, timeline entries, customers,
// upstream providers and outbound notifications, the error codes every edge
// maps to its own wire format, and the Store contract the backends fulfil.
//
// The package imports nothing of the project; every other package points
// towards it.
package stormdesk

import (
	"encoding/json"
	"fmt"
	"net/mail"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Ticket sources accepted at intake.
const (
	SourceAPI     = "api"
	SourceEmail   = "email"
	SourceSlack   = "slack"
	SourceDiscord = "discord"
	SourceChat    = "chat"
	SourceImport  = "import"
	SourceDemo    = "demo"
	// The helpdesks whose webhooks stormdesk takes tickets from
	// (connectors/): the external id is the helpdesk's ticket or
	// conversation id.
	SourceZendesk   = "zendesk"
	SourceIntercom  = "intercom"
	SourceHelpScout = "helpscout"
	SourceFreshdesk = "freshdesk"
)

// ValidSources lists every ticket source, in the order the help text shows them.
var ValidSources = []string{SourceAPI, SourceEmail, SourceSlack, SourceDiscord, SourceChat, SourceImport, SourceDemo,
	SourceZendesk, SourceIntercom, SourceHelpScout, SourceFreshdesk}

// Limits on ticket fields. The body is stored whole up to MaxBodyLen; triage
// reads features only from a bounded prefix of it.
const (
	MaxSubjectLen    = 1000
	MaxBodyLen       = 1 << 20
	MaxExternalIDLen = 200
	MaxNameLen       = 300
	// A ticket carries at most MaxTags tags of at most MaxTagLen bytes
	// each: a helpdesk's labels, not a second body.
	MaxTags   = 20
	MaxTagLen = 64
)

// The channels a customer reaches a desk through (a Ticket's Channel): how
// a ticket was sent, whatever system relayed it. The helpdesk connectors
// map their own names onto these (docs/helpdesks.md); "" is not known.
// (The outbox's ChannelEmail and ChannelChat are its delivery queues, not
// these.)
const (
	TicketChannelEmail  = "email"
	TicketChannelWeb    = "web"    // a web form, portal or feedback widget
	TicketChannelChat   = "chat"   // live chat or a messenger
	TicketChannelAPI    = "api"    // created by a program
	TicketChannelVoice  = "voice"  // a phone call or voicemail
	TicketChannelSMS    = "sms"    // a text message
	TicketChannelSocial = "social" // Twitter/X, Facebook, Instagram, WhatsApp...
	TicketChannelMobile = "mobile" // a mobile app or SDK
	TicketChannelOther  = "other"  // a channel the sender named that is none of these
)

// ValidTicketChannels lists every channel, in the order the help text shows them.
var ValidTicketChannels = []string{TicketChannelEmail, TicketChannelWeb, TicketChannelChat, TicketChannelAPI, TicketChannelVoice, TicketChannelSMS,
	TicketChannelSocial, TicketChannelMobile, TicketChannelOther}

// Ticket is one customer report, from any intake channel.
type Ticket struct {
	ID         int64  `json:"id"`
	Source     string `json:"source"`
	ExternalID string `json:"external_id,omitempty"`
	// ExternalCustomerID is the helpdesk's id of the customer who wrote
	// the ticket, where replying in their conversation needs it (Help
	// Scout's customer id); "" when the source has none.
	ExternalCustomerID string `json:"external_customer_id,omitempty"`
	// CustomerEmail is stored lower-cased so that one customer is one address.
	CustomerEmail string `json:"customer_email,omitempty"`
	CustomerName  string `json:"customer_name,omitempty"`
	Organisation  string `json:"organisation,omitempty"`
	Subject       string `json:"subject"`
	Body          string `json:"body,omitempty"`
	// Tags are the sender's labels for the ticket (a helpdesk's tags), in
	// the sender's order, each once; nil when it has none.
	Tags []string `json:"tags,omitempty"`
	// Channel is how the customer sent the ticket: one of ValidTicketChannels,
	// or "" when not known. (Source is the system that relayed it.)
	Channel string `json:"channel,omitempty"`
	// ReceivedAt is when the customer sent the ticket: given by the sender
	// (imports, replays, an email's Date header) or the intake time.
	ReceivedAt time.Time `json:"received_at"`
	// CreatedAt is when stormdesk stored the ticket.
	CreatedAt  time.Time `json:"created_at"`
	IncidentID int64     `json:"incident_id,omitempty"`
	ClusterID  int64     `json:"cluster_id,omitempty"`
	// JoinReason says why triage put the ticket in its incident ("matched
	// the incident's reports: similarity 0.74 (login)"), or why a ticket
	// that looked like one was kept out ("kept out: individual account
	// problem: forgot password"); JoinedAt is when it joined.
	JoinReason string     `json:"join_reason,omitempty"`
	JoinedAt   *time.Time `json:"joined_at,omitempty"`
}

// Membership is triage's decision for one ticket: the incident it joins
// (0: none) and why.
type Membership struct {
	TicketID   int64
	IncidentID int64
	Reason     string
	At         time.Time
}

// UpstreamLink is an upstream incident (or a probe's failing run) tied to
// an incident: when it began and, once over, when it resolved.
type UpstreamLink struct {
	IncidentID int64
	Provider   string
	UpstreamID string
	Start      time.Time
	ResolvedAt *time.Time
}

// ReasonCount is how many of an incident's tickets joined it for one kind
// of reason.
type ReasonCount struct {
	Reason  string `json:"reason"`
	Tickets int    `json:"tickets"`
}

// Member is one ticket of an incident, as triage tracks it.
type Member struct {
	TicketID   int64
	IncidentID int64
	ReceivedAt time.Time
	JoinedAt   time.Time
	JoinReason string
}

// Normalize trims the ticket's fields, lower-cases the customer address and
// puts every time in UTC at microsecond precision. It is called before Validate.
func (t *Ticket) Normalize() {
	t.Source = strings.ToLower(strings.TrimSpace(t.Source))
	t.ExternalID = strings.TrimSpace(t.ExternalID)
	t.ExternalCustomerID = strings.TrimSpace(t.ExternalCustomerID)
	t.CustomerEmail = strings.ToLower(strings.TrimSpace(t.CustomerEmail))
	t.CustomerName = strings.TrimSpace(t.CustomerName)
	t.Organisation = strings.TrimSpace(t.Organisation)
	t.Subject = strings.TrimSpace(t.Subject)
	t.Channel = strings.ToLower(strings.TrimSpace(t.Channel))
	t.Tags = normalizeTags(t.Tags)
	// Both stores keep microseconds; truncating here makes the answer to
	// the first delivery equal to what a later read returns.
	t.ReceivedAt = t.ReceivedAt.UTC().Truncate(time.Microsecond)
	t.CreatedAt = t.CreatedAt.UTC().Truncate(time.Microsecond)
}

// CheckReceivedAt refuses a time no report can have been received at:
// before the year 2000 or after 9999 (the zero time among them).
func CheckReceivedAt(at time.Time) error {
	if at.Year() < 2000 || at.Year() > 9999 {
		return Errorf(EINVALID, "received_at: %s is out of range", at.Format(time.RFC3339))
	}
	return nil
}

// Validate reports the first field that is wrong, as an EINVALID error whose
// message starts with the field's JSON name.
func (t *Ticket) Validate() error {
	if t.Source == "" {
		return Errorf(EINVALID, "source: required (one of %s)", strings.Join(ValidSources, ", "))
	}
	if !isOneOf(t.Source, ValidSources) {
		return Errorf(EINVALID, "source: %q is not one of %s", t.Source, strings.Join(ValidSources, ", "))
	}
	for _, f := range []struct {
		name, val string
		max       int
	}{
		{"external_id", t.ExternalID, MaxExternalIDLen},
		{"external_customer_id", t.ExternalCustomerID, MaxExternalIDLen},
		{"customer_email", t.CustomerEmail, MaxNameLen},
		{"customer_name", t.CustomerName, MaxNameLen},
		{"organisation", t.Organisation, MaxNameLen},
		{"subject", t.Subject, MaxSubjectLen},
		{"body", t.Body, MaxBodyLen},
	} {
		if !utf8.ValidString(f.val) {
			return Errorf(EINVALID, "%s: invalid UTF-8", f.name)
		}
		if len(f.val) > f.max {
			return Errorf(EINVALID, "%s: longer than %d bytes", f.name, f.max)
		}
		if strings.ContainsRune(f.val, 0) {
			return Errorf(EINVALID, "%s: contains a NUL character", f.name)
		}
	}
	if err := validateTags(t.Tags); err != nil {
		return err
	}
	if t.Channel != "" && !isOneOf(t.Channel, ValidTicketChannels) {
		return Errorf(EINVALID, "channel: %q is not one of %s", t.Channel, strings.Join(ValidTicketChannels, ", "))
	}
	if t.Subject == "" && strings.TrimSpace(t.Body) == "" {
		// A helpdesk's body-only ticket (an email without a subject, a
		// chat) is a report; a ticket with neither says nothing.
		return Errorf(EINVALID, "subject: required when the body is empty")
	}
	if t.CustomerEmail != "" && !ValidEmail(t.CustomerEmail) {
		return Errorf(EINVALID, "customer_email: %q is not an email address", t.CustomerEmail)
	}
	if t.ReceivedAt.IsZero() {
		return Errorf(EINVALID, "received_at: required")
	}
	return CheckReceivedAt(t.ReceivedAt)
}

// normalizeTags trims each tag and drops empty ones and repeats (the
// first of each is kept, in order); no tags is nil, so that a ticket
// without tags reads back as it was written.
func normalizeTags(tags []string) []string {
	var out []string
	// A set, not a scan of out: a request body may hold a million tags,
	// all checked before Validate refuses them.
	seen := make(map[string]bool, min(len(tags), MaxTags+1))
	for _, tag := range tags {
		tag = strings.TrimSpace(tag)
		if tag != "" && !seen[tag] {
			seen[tag] = true
			out = append(out, tag)
		}
	}
	return out
}

// validateTags refuses more than MaxTags tags, and a tag that is too long
// or not plain text, naming it by its index ("tags[3]").
func validateTags(tags []string) error {
	if len(tags) > MaxTags {
		return Errorf(EINVALID, "tags: at most %d tags, got %d", MaxTags, len(tags))
	}
	for i, tag := range tags {
		switch {
		case !utf8.ValidString(tag):
			return Errorf(EINVALID, "tags[%d]: invalid UTF-8", i)
		case len(tag) > MaxTagLen:
			return Errorf(EINVALID, "tags[%d]: longer than %d bytes", i, MaxTagLen)
		case strings.IndexFunc(tag, unicode.IsControl) >= 0:
			return Errorf(EINVALID, "tags[%d]: contains a control character", i)
		}
	}
	return nil
}

// ValidEmail reports whether s is a bare address such as "ana@example.com".
func ValidEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && a.Name == "" && strings.Contains(s, "@")
}

func isOneOf(s string, set []string) bool {
	for _, v := range set {
		if s == v {
			return true
		}
	}
	return false
}

// Status is where an incident stands. The legal moves between statuses are
// decided in one place: Status.CanBecome.
type Status string

// Incident statuses, in their usual order.
const (
	// StatusWatching is an upstream watch: a provider that backs product
	// features reports trouble, and no customer report or probe has
	// confirmed an impact yet. The ops channel knows; customers are not
	// emailed. Reports or a failing probe make it an incident (triage);
	// the provider's resolution without them closes it.
	StatusWatching      Status = "watching"
	StatusTriage        Status = "triage"
	StatusInvestigating Status = "investigating"
	StatusIdentified    Status = "identified"
	StatusMonitoring    Status = "monitoring"
	StatusResolved      Status = "resolved"
)

// Statuses lists every status in order.
var Statuses = []Status{StatusWatching, StatusTriage, StatusInvestigating, StatusIdentified, StatusMonitoring, StatusResolved}

// ParseStatus turns user input into a Status, or an EINVALID error naming the
// accepted values.
func ParseStatus(s string) (Status, error) {
	st := Status(strings.ToLower(strings.TrimSpace(s)))
	for _, v := range Statuses {
		if st == v {
			return st, nil
		}
	}
	return "", Errorf(EINVALID, "status: %q is not one of triage, investigating, identified, monitoring, resolved", s)
}

func (s Status) rank() int {
	for i, v := range Statuses {
		if s == v {
			return i
		}
	}
	return -1
}

// CanBecome reports whether an incident in status s may move to next.
// Work moves forward (triage → investigating → identified → monitoring →
// resolved, skipping steps is allowed); an active incident may step back
// to an earlier active status (monitoring showed the fix did not hold), and
// a resolved incident may be reopened as investigating. Triage is only ever
// a starting status.
func (s Status) CanBecome(next Status) bool {
	if s.rank() < 0 || next.rank() < 0 || s == next {
		return false
	}
	switch {
	case next == StatusTriage || next == StatusWatching:
		// Starting statuses only: triage confirms a watch itself.
		return false
	case s == StatusResolved:
		return next == StatusInvestigating
	default:
		return true
	}
}

// Transition checks a status change and returns an ECONFLICT error that says
// why it is refused.
func (s Status) Transition(next Status) error {
	if s.CanBecome(next) {
		return nil
	}
	if s == next {
		return Errorf(ECONFLICT, "status: incident is already %s", s)
	}
	if s == StatusResolved {
		return Errorf(ECONFLICT, "status: a resolved incident can only be reopened as investigating, not moved to %s", next)
	}
	return Errorf(ECONFLICT, "status: cannot move from %s to %s", s, next)
}

// Severity is how bad an incident is.
type Severity string

// Severities, worst first.
const (
	SeverityCritical Severity = "critical"
	SeverityMajor    Severity = "major"
	SeverityMinor    Severity = "minor"
)

// ParseSeverity turns user input ("sev1", "critical", "") into a Severity.
// An empty string gives the default, minor.
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "critical", "sev1", "1":
		return SeverityCritical, nil
	case "major", "sev2", "2":
		return SeverityMajor, nil
	case "minor", "sev3", "3", "":
		return SeverityMinor, nil
	}
	return "", Errorf(EINVALID, "severity: %q is not one of critical, major, minor (or sev1, sev2, sev3)", s)
}

// Incident groups the tickets and events of one problem.
type Incident struct {
	ID       int64    `json:"id"`
	Title    string   `json:"title"`
	Status   Status   `json:"status"`
	Severity Severity `json:"severity"`
	// Features are the product features affected, in lexicon terms ("login").
	Features []string `json:"features"`
	// LikelyCause names what explains the incident, such as an upstream outage.
	LikelyCause    string     `json:"likely_cause,omitempty"`
	ClusterID      int64      `json:"cluster_id,omitempty"`
	CreatedAt      time.Time  `json:"created_at"`
	UpdatedAt      time.Time  `json:"updated_at"`
	AcknowledgedAt *time.Time `json:"acknowledged_at,omitempty"`
	ResolvedAt     *time.Time `json:"resolved_at,omitempty"`
	// MergedInto is the surviving incident when this one was merged.
	MergedInto int64 `json:"merged_into,omitempty"`
	// ExportedAt is when its post-mortem was last exported.
	ExportedAt *time.Time `json:"exported_at,omitempty"`
	// EmailPolicy overrides, for this incident, what the service's
	// policy does with each automatic customer email (see EmailMode).
	EmailPolicy EmailPolicy `json:"email_policy,omitempty"`
	// ConfirmedAt is when the incident became one in the customers'
	// sense: when it opened, for a burst or a declaration; for an upstream
	// watch, when reports or a probe confirmed it. Nil while it watches.
	ConfirmedAt *time.Time `json:"confirmed_at,omitempty"`
	// PublishedAt is when an operator published the incident on the
	// public status page (nil: it is not public); PublicTitle is its
	// name there, chosen for customers (the title may be a ticket's
	// subject).
	PublishedAt *time.Time `json:"published_at,omitempty"`
	PublicTitle string     `json:"public_title,omitempty"`
	// TicketCount is filled by reads; it is not stored on the row.
	TicketCount int `json:"ticket_count"`
}

// Watching reports whether the incident is an upstream watch that nothing
// has confirmed: no customer emails go out for it.
func (i *Incident) Watching() bool { return i.Status == StatusWatching }

// Changeable refuses a change to an incident that was merged into another
// (ECONFLICT): its tickets, subscribers and timeline reference moved to
// the survivor, so the change belongs there. what names the change in
// the refusal ("acknowledge", "notify about").
func (i *Incident) Changeable(what string) error {
	if i.MergedInto == 0 {
		return nil
	}
	return Errorf(ECONFLICT, "incident %d was merged into %d: %s that one", i.ID, i.MergedInto, what)
}

// Validate checks the fields an operator or the triage engine sets.
func (i *Incident) Validate() error {
	i.Title = strings.TrimSpace(i.Title)
	switch {
	case i.Title == "":
		return Errorf(EINVALID, "title: required")
	case !utf8.ValidString(i.Title):
		return Errorf(EINVALID, "title: invalid UTF-8")
	case len(i.Title) > MaxSubjectLen:
		return Errorf(EINVALID, "title: longer than %d bytes", MaxSubjectLen)
	case i.Status.rank() < 0:
		return Errorf(EINVALID, "status: %q is not a status", i.Status)
	}
	if _, err := ParseSeverity(string(i.Severity)); err != nil {
		return err
	}
	return nil
}

// Timeline entry kinds.
const (
	KindFirstReport     = "first_report"
	KindReportCount     = "report_count"
	KindDetected        = "detected"
	KindDeclared        = "declared"
	KindAcknowledged    = "acknowledged"
	KindStatusChange    = "status_change"
	KindNote            = "note"
	KindMerge           = "merge"
	KindTicketMoved     = "ticket_moved"
	KindUpstream        = "upstream"
	KindProbe           = "probe"
	KindNotification    = "notification"
	KindCorrection      = "correction"
	KindCauseIdentified = "cause"
	KindPublished       = "published"
)

// Actors that are not people.
const (
	ActorStormdesk = "stormdesk"
)

// TimelineEntry is one event in an incident's history, in UTC.
type TimelineEntry struct {
	ID         int64           `json:"id"`
	IncidentID int64           `json:"incident_id"`
	At         time.Time       `json:"at"`
	Kind       string          `json:"kind"`
	Actor      string          `json:"actor"`
	Text       string          `json:"text"`
	Data       json.RawMessage `json:"data,omitempty"`
	SourceURL  string          `json:"source_url,omitempty"`
}

// Customer is a person who reports tickets or subscribes to updates.
type Customer struct {
	Email        string `json:"email"`
	Name         string `json:"name,omitempty"`
	Organisation string `json:"organisation,omitempty"`
	// SuppressedAt is set when the customer must not be emailed: they
	// unsubscribed, or their address bounced or reported spam
	// (SuppressedWhy says which).
	SuppressedAt  *time.Time `json:"suppressed_at,omitempty"`
	SuppressedWhy string     `json:"suppressed_why,omitempty"`
}

// CustomerImport is one customer to import, with the features they
// subscribe to and whether they opted out.
type CustomerImport struct {
	Customer     Customer
	Features     []string
	Unsubscribed bool
}

var featureName = regexp.MustCompile(`^[a-z][a-z0-9_-]{0,63}$`)

// Prepare normalises and validates the row; the error (EINVALID) names
// the field.
func (r *CustomerImport) Prepare() error {
	r.Customer.Email = strings.ToLower(strings.TrimSpace(r.Customer.Email))
	r.Customer.Name = strings.TrimSpace(r.Customer.Name)
	r.Customer.Organisation = strings.TrimSpace(r.Customer.Organisation)
	switch {
	case r.Customer.Email == "":
		return Errorf(EINVALID, "email: required")
	case !ValidEmail(r.Customer.Email):
		return Errorf(EINVALID, "email: %q is not an email address", r.Customer.Email)
	case len(r.Customer.Name) > MaxNameLen || len(r.Customer.Organisation) > MaxNameLen:
		return Errorf(EINVALID, "name: longer than %d bytes", MaxNameLen)
	}
	for i, f := range r.Features {
		f = strings.ToLower(strings.TrimSpace(f))
		// component:ID subscribes to a status page component (the desk
		// checks that it is one).
		if !featureName.MatchString(strings.TrimPrefix(f, ComponentKeyPrefix)) {
			return Errorf(EINVALID, "features: %q is not a feature name (lower-case letters, digits, - or _) or component:ID", f)
		}
		r.Features[i] = f
	}
	return nil
}

// Subscription opts a customer in to updates about one product feature,
// or (Feature is Component.SubscriptionKey) one status page component.
type Subscription struct {
	Email   string `json:"email"`
	Feature string `json:"feature"`
}

// Why an address is suppressed (Customer.SuppressedWhy). Only
// SuppressedUnsubscribe is the person's own choice, which a confirmed
// re-subscription may undo; a bounce or a spam report is never lifted by
// the desk.
const (
	SuppressedUnsubscribe = "unsubscribe"
	SuppressedBounce      = "bounce"
	SuppressedSpamReport  = "spamreport"
)

// SubscriptionFilter selects subscriptions: of one feature or component
// key and of one address (empty: all), after the (email, feature) pair
// After (keyset paging), at most Limit.
type SubscriptionFilter struct {
	Feature string
	Email   string
	After   Subscription
	Limit   int
}

// Kinds of SubscriptionEvent.
const (
	SubEventSubscribed   = "subscribed"
	SubEventUnsubscribed = "unsubscribed"
	SubEventSuppressed   = "suppressed"
	SubEventUnsuppressed = "unsuppressed"
	SubEventRemoved      = "removed"
)

// SubscriptionEvent is one line of an address's subscription history, the
// audit trail of who subscribed, unsubscribed or lifted what, and when.
type SubscriptionEvent struct {
	ID    int64     `json:"id"`
	Email string    `json:"email"`
	At    time.Time `json:"at"`
	Kind  string    `json:"kind"`
	Actor string    `json:"actor"`
	Text  string    `json:"text"`
}

// UpstreamEvent is one change seen on a provider's status feed, or a
// synthetic probe failing or recovering, stored once under its DedupKey
// with the provider's own time.
type UpstreamEvent struct {
	ID       int64  `json:"id"`
	DedupKey string `json:"dedup_key"`
	Provider string `json:"provider"`
	Kind     string `json:"kind"`
	// UpstreamID is the provider's incident id (for probes, the start of
	// the failing run).
	UpstreamID string    `json:"upstream_id,omitempty"`
	UpdateID   string    `json:"update_id,omitempty"`
	At         time.Time `json:"at"`
	Title      string    `json:"title,omitempty"`
	Text       string    `json:"text,omitempty"`
	Status     string    `json:"status,omitempty"`
	Impact     string    `json:"impact,omitempty"`
	URL        string    `json:"url,omitempty"`
}

// Watch states.
const (
	WatchNever      = "never_polled"
	WatchOK         = "ok"
	WatchUnreadable = "unreadable"
	WatchFailing    = "failing"
)

// WatchState is what stormdesk remembers of one watched feed or probe
// between polls: what the fetcher needs for its next conditional GET, the
// last payload it understood (to diff the next one against), and its
// health.
type WatchState struct {
	Name string `json:"name"`
	Kind string `json:"kind"`
	URL  string `json:"url"`
	// Validators are the fetcher's cache validators, opaque to the
	// domain: package upstream writes and reads them (its HTTP ETag and
	// Last-Modified), the store keeps them as they are, nil when there
	// are none.
	Validators []byte    `json:"-"`
	LastPollAt time.Time `json:"last_poll_at"`
	LastOKAt   time.Time `json:"last_ok_at"`
	State      string    `json:"state"`
	Reason     string    `json:"reason,omitempty"`
	Failures   int       `json:"consecutive_failures"`
	LatencyMS  int64     `json:"latency_ms"`
	// Snapshot is the last understood payload (feeds) or the probe
	// tracker's state, as JSON.
	Snapshot []byte `json:"-"`
}

// EmailMode is what happens to an automatic customer email (acknowledged,
// update, resolved) when the status change that causes it is made.
type EmailMode string

// Email modes.
const (
	// EmailAuto queues the email with the status change (unless its
	// audience is above the approval threshold: then it is held).
	EmailAuto EmailMode = "auto"
	// EmailApprove holds the email until an authorised person approves.
	EmailApprove EmailMode = "approve"
	// EmailOff sends nothing by itself; `notify` still can.
	EmailOff EmailMode = "off"
)

// ParseEmailMode parses auto, approve or off.
func ParseEmailMode(s string) (EmailMode, error) {
	switch m := EmailMode(strings.ToLower(strings.TrimSpace(s))); m {
	case EmailAuto, EmailApprove, EmailOff:
		return m, nil
	}
	return "", Errorf(EINVALID, "email mode: %q is not auto, approve or off", s)
}

// EmailPolicy maps an automatic email's template to its mode.
type EmailPolicy map[string]EmailMode

// AutoEmailTemplates are the emails a status change can send by itself.
var AutoEmailTemplates = []string{"acknowledged", "update", "resolved"}

// ParseEmailPolicy parses "update=approve resolved=auto" (spaces or
// commas between pairs), naming the pair that is wrong.
func ParseEmailPolicy(s string) (EmailPolicy, error) {
	p := EmailPolicy{}
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
		k, v, ok := strings.Cut(f, "=")
		if !ok {
			return nil, Errorf(EINVALID, "email policy: %q is not TEMPLATE=MODE", f)
		}
		k = strings.ToLower(strings.TrimSpace(k))
		if !slices.Contains(AutoEmailTemplates, k) {
			return nil, Errorf(EINVALID, "email policy: %q is not one of %s", k, strings.Join(AutoEmailTemplates, ", "))
		}
		m, err := ParseEmailMode(v)
		if err != nil {
			return nil, Errorf(EINVALID, "email policy: %s: %s", k, ErrorMessage(err))
		}
		p[k] = m
	}
	return p, nil
}

// String formats the policy as sorted TEMPLATE=MODE pairs.
func (p EmailPolicy) String() string {
	var out []string
	for _, t := range AutoEmailTemplates {
		if m, ok := p[t]; ok {
			out = append(out, t+"="+string(m))
		}
	}
	return strings.Join(out, " ")
}

// Message states.
const (
	// MessageQueued: the email's recipients are in the outbox.
	MessageQueued = "queued"
	// MessageHeld: the email waits for an authorised person's approval;
	// no recipient is queued yet.
	MessageHeld = "held"
	// MessageCancelled: a held email that was cancelled or expired.
	MessageCancelled = "cancelled"
)

// OutboundMessage is a customer email about an incident: the one email
// type, from the desk's decision (queued, held, cancelled) through the
// outbox to the provider. It is rendered once for all its recipients
// (each of whom has a Delivery); MessageID is stable and unique (the desk
// derives it from the incident and the timeline entry that caused it), so
// enqueueing it twice stores it once; it travels to SendGrid as the
// custom arg message_id and comes back in webhook events.
type OutboundMessage struct {
	IncidentID int64     `json:"incident_id"`
	MessageID  string    `json:"message_id"`
	Template   string    `json:"template"`
	Subject    string    `json:"subject"`
	Text       string    `json:"-"`
	HTML       string    `json:"-"`
	State      string    `json:"state"`
	CreatedAt  time.Time `json:"created_at"`
	// RequestedBy names who caused the email: who asked for it, or whose
	// acknowledgement or status change queued an automatic one.
	// RequesterKey identifies them across requests (Identity.Key in chat,
	// "api:"+actor over the API), so that a second person approves.
	RequestedBy  string `json:"requested_by"`
	RequesterKey string `json:"-"`
	// Audience is the recipient count when the email was held.
	Audience  int        `json:"audience"`
	DecidedBy string     `json:"decided_by,omitempty"`
	DecidedAt *time.Time `json:"decided_at,omitempty"`
	// Solicited marks a message its recipient asked for themselves (a
	// status page subscription's confirmation): it is delivered to an
	// address suppressed only because it unsubscribed (SuppressedUnsubscribe),
	// never to one that bounced or reported spam.
	Solicited bool `json:"solicited,omitempty"`
	// Components are the status page components (ids) the email is
	// about: each recipient's unsubscribe link then stops only the
	// subscriptions to those (a link to stop everything stays on the page).
	Components []string `json:"components,omitempty"`
}

// Triage correction kinds: what an operator taught triage.
const (
	CorrectionMerge    = "merge"    // cluster A is cluster B
	CorrectionMove     = "move"     // ticket A belongs to cluster B
	CorrectionSuppress = "suppress" // cluster A is the normal trickle
)

// TriageCorrection is an operator correction waiting for the leader's
// triage engine to learn it.
type TriageCorrection struct {
	ID   int64
	Kind string
	A, B int64
	At   time.Time
}

// ClusterView is a triage cluster as every replica's API shows it.
type ClusterView struct {
	ID         int64     `json:"id"`
	Label      string    `json:"label"`
	Size       int       `json:"size"`
	Customers  int       `json:"customers"`
	TopTerms   []string  `json:"top_terms"`
	FirstSeen  time.Time `json:"first_seen"`
	LastSeen   time.Time `json:"last_seen"`
	Candidate  bool      `json:"incident_candidate"`
	Suppressed bool      `json:"not_an_incident"`
}

// ChatAlert is where the alert about an incident lives on one chat
// platform: the message stormdesk posted there, so that any replica
// updates that message in place and traces a reply in its thread back to
// the incident. It is a domain record like a ticket's external id, not an
// adapter's row: every platform names a posted message by a channel and
// an id, and the store keeps both as opaque strings.
type ChatAlert struct {
	// Platform is the chat platform, as in ChatPost rows ("slack",
	// "discord").
	Platform   string
	IncidentID int64
	// Channel and MessageID are the platform's names of the channel and
	// of the posted message (Slack's ts, Discord's snowflake), opaque
	// here; a message alerts about one incident at most.
	Channel   string
	MessageID string
	// Reason is why the alert was raised; updates keep showing it.
	Reason string
}

// MessageDeliveries is one email and what became of its recipients.
type MessageDeliveries struct {
	OutboundMessage
	Pending    int `json:"pending"`
	Sent       int `json:"sent"`
	Failed     int `json:"failed"`
	Suppressed int `json:"suppressed"`
}

// DeliveryReport counts what became of one message's recipients once none
// is waiting any more.
type DeliveryReport struct {
	MessageID  string
	IncidentID int64
	Template   string
	Sent       int
	Failed     int
	Suppressed int
}

// Delivery is one customer email's row for one recipient: the outbox row
// the dispatcher sends and records the fate of.
type Delivery struct {
	ID         int64      `json:"id"`
	IncidentID int64      `json:"incident_id"`
	MessageID  string     `json:"message_id"`
	Template   string     `json:"template"`
	Recipient  string     `json:"recipient"`
	State      string     `json:"state"`
	Attempts   int        `json:"attempts"`
	LastError  string     `json:"last_error,omitempty"`
	SentAt     *time.Time `json:"sent_at,omitempty"`
}

// String gives a short description of a ticket for logs; it never includes
// the body.
func (t *Ticket) String() string {
	return fmt.Sprintf("ticket %d (%s/%s)", t.ID, t.Source, t.ExternalID)
}
