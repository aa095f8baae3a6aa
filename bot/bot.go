// Package bot is the chat command core shared by the Slack and Discord
// adapters: it parses `/incident …` command text, authorises the caller,
// runs the command through the incident use cases the domain declares,
// stormdesk.IncidentService (one call per mutating command, so a failing
// command changes nothing) and describes the answer as a platform-neutral Reply that each adapter renders.
//
// The same command text therefore does the same thing on both platforms;
// the adapters only verify and decode requests, fill in an Identity, and
// turn a Reply into Block Kit or Discord components.
package bot

import (
	"context"
	"log/slog"
	"time"

	"stormdesk"
)

// Platforms an Identity can come from.
const (
	PlatformSlack   = "slack"
	PlatformDiscord = "discord"
)

// Identity is the person behind a command or a button press, as the
// adapter verified it.
type Identity struct {
	Platform  string
	UserID    string
	Name      string
	ChannelID string
	// Roles are the caller's Discord role IDs.
	Roles []string
	// MemberOf reports whether the user is in any of the given Slack
	// user groups. It is consulted only when users and channels did not
	// already decide; nil means "in none".
	MemberOf func(ctx context.Context, groups []string) (bool, error)
}

// Key identifies the person across commands: platform and user id.
func (id Identity) Key() string { return id.Platform + ":" + id.UserID }

// Actor is how the timeline names the person: "Ana (slack:U123)", or the
// key alone when no name is known.
func (id Identity) Actor() string {
	name := cleanName(id.Name)
	if name == "" {
		return id.Key()
	}
	return name + " (" + id.Key() + ")"
}

// cleanName keeps a display name printable and short.
func cleanName(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == '(' || r == ')' {
			continue
		}
		out = append(out, r)
		if len(out) == 80 {
			break
		}
	}
	return string(out)
}

// Policy says who may change things. Read-only commands (help, list,
// show, timeline, export) are open to everyone who can reach the bot;
// every other command and every button press needs the caller to be
// listed here by user, Slack user group, Slack channel or Discord role.
// An empty policy allows no changes at all: access is granted, never
// assumed.
type Policy struct {
	SlackUsers      []string
	SlackUserGroups []string
	SlackChannels   []string
	DiscordUsers    []string
	DiscordRoles    []string
}

// Allows reports whether id may run mutating commands.
func (p Policy) Allows(ctx context.Context, id Identity) (bool, error) {
	if id.UserID == "" {
		return false, nil
	}
	switch id.Platform {
	case PlatformSlack:
		if contains(p.SlackUsers, id.UserID) || (id.ChannelID != "" && contains(p.SlackChannels, id.ChannelID)) {
			return true, nil
		}
		if len(p.SlackUserGroups) > 0 && id.MemberOf != nil {
			return id.MemberOf(ctx, p.SlackUserGroups)
		}
	case PlatformDiscord:
		if contains(p.DiscordUsers, id.UserID) {
			return true, nil
		}
		for _, r := range id.Roles {
			if contains(p.DiscordRoles, r) {
				return true, nil
			}
		}
	}
	return false, nil
}

func contains(set []string, s string) bool {
	for _, v := range set {
		if v == s {
			return true
		}
	}
	return false
}

// Core runs commands. It is safe for concurrent use.
type Core struct {
	desk   stormdesk.IncidentService
	policy Policy
	log    *slog.Logger
	// Now is the clock (a note's time); tests replace it.
	Now func() time.Time
}

// NewCore returns a Core running commands through d (a *desk.Service)
// under policy p. An error d returns that is not a *stormdesk.Error is
// treated as internal: logged, and shown as "internal error".
func NewCore(d stormdesk.IncidentService, p Policy, log *slog.Logger) *Core {
	if log == nil {
		log = slog.Default()
	}
	return &Core{desk: d, policy: p, log: log, Now: time.Now}
}

// Policy returns the authorisation policy.
func (c *Core) Policy() Policy { return c.policy }
