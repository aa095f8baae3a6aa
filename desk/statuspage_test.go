package desk_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/desk"
	"stormdesk/desk/desktest"
)

// TestPublish: only an acknowledged incident is published, once, under a
// title chosen for customers (by default the components it affects,
// never the incident's own title, which came from a ticket); its public
// updates are the publication (with the customer message already given
// for its status) and the later status changes, with their customer
// messages, and never a note.
func TestPublish(t *testing.T) {
	ctx := context.Background()
	d := desktest.New(t)
	if _, err := d.Publish(ctx, 1, "", "ana"); stormdesk.ErrorCode(err) != stormdesk.ECONFLICT || !strings.Contains(err.Error(), "not acknowledged") {
		t.Fatalf("publishing before the acknowledgement: %v", err)
	}
	if _, err := d.Publish(ctx, 99, "", "ana"); stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND {
		t.Fatalf("unknown incident: %v", err)
	}
	if _, err := d.Publish(ctx, 1, "two\nlines", "ana"); stormdesk.ErrorCode(err) != stormdesk.EINVALID {
		t.Fatalf("a title of two lines: %v", err)
	}
	if _, err := d.Acknowledge(ctx, 1, "ana", "api:ana"); err != nil {
		t.Fatal(err)
	}
	// Said to customers before publication: the publication carries it.
	if _, err := d.SetStatus(ctx, 1, stormdesk.StatusIdentified, "Our login provider is down.", "ana", "api:ana"); err != nil {
		t.Fatal(err)
	}
	inc, err := d.Publish(ctx, 1, "", "ana")
	if err != nil || inc.PublishedAt == nil || !inc.PublishedAt.Equal(d.Now) || inc.PublicTitle != "Problems with Login" {
		t.Fatalf("publish: %+v %v", inc, err)
	}
	if _, err := d.Publish(ctx, 1, "Again", "ana"); stormdesk.ErrorCode(err) != stormdesk.ECONFLICT || !strings.Contains(err.Error(), "already published") {
		t.Fatalf("second publication: %v", err)
	}
	d.Now = d.Now.Add(10 * time.Minute)
	if _, err := d.AddNote(ctx, 1, "INTERNAL: the db primary is at 99% disk", "ana", time.Time{}); err != nil {
		t.Fatal(err)
	}
	if _, err := d.SetStatus(ctx, 1, stormdesk.StatusMonitoring, "A fix is rolling out.", "ana", "api:ana"); err != nil {
		t.Fatal(err)
	}
	d.Now = d.Now.Add(10 * time.Minute)
	if _, err := d.SetStatus(ctx, 1, stormdesk.StatusResolved, "", "ana", "api:ana"); err != nil {
		t.Fatal(err)
	}
	tl, _ := d.Timeline(ctx, 1)
	var pub *stormdesk.TimelineEntry
	for _, e := range tl {
		if e.Kind == stormdesk.KindPublished {
			pub = e
		}
	}
	if pub == nil || pub.Actor != "ana" || !strings.Contains(pub.Text, `"Problems with Login"`) {
		t.Fatalf("the publication on the timeline: %+v", pub)
	}
	view, err := d.PublicView(ctx, desktest.T0.Add(-90*24*time.Hour))
	pubs, overrides := view.Incidents, view.Overrides
	if err != nil || len(pubs) != 1 || len(overrides) != 0 {
		t.Fatalf("public incidents: %+v %v %v", pubs, overrides, err)
	}
	var got []string
	for _, u := range pubs[0].Updates {
		got = append(got, string(u.Status)+": "+u.Body)
	}
	want := []string{"identified: Our login provider is down.", "monitoring: A fix is rolling out.",
		"resolved: This incident has been resolved."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("public updates:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, err := d.Acknowledge(ctx, 2, "ana", "api:ana"); err != nil {
		t.Fatal(err)
	}
	if inc, err := d.Publish(ctx, 2, "  Checkout is slow ", "bo"); err != nil || inc.PublicTitle != "Checkout is slow" {
		t.Fatalf("publish with a title: %+v %v", inc, err)
	}
}

// TestSetComponentStatus: an override names a configured component by
// name or id; an unknown one is refused with the known ids.
func TestSetComponentStatus(t *testing.T) {
	ctx := context.Background()
	d := desktest.New(t)
	o, err := d.SetComponentStatus(ctx, "LOGIN", stormdesk.ComponentMajorOutage, "ana")
	if err != nil || o.Component != "login" || o.Status != stormdesk.ComponentMajorOutage {
		t.Fatalf("override: %+v %v", o, err)
	}
	if _, err := d.SetComponentStatus(ctx, "payroll", stormdesk.ComponentDegraded, "ana"); stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND ||
		!strings.Contains(err.Error(), "not one of login, checkout") {
		t.Fatalf("unknown component: %v", err)
	}
	view, _ := d.PublicView(ctx, time.Time{})
	if overrides := view.Overrides; len(overrides) != 1 || overrides[0].Actor != "ana" {
		t.Fatalf("overrides: %+v", overrides)
	}
	if _, err := d.SetComponentStatus(ctx, "login", "", "ana"); err != nil {
		t.Fatal(err)
	}
	if view, _ = d.PublicView(ctx, time.Time{}); len(view.Overrides) != 0 {
		t.Fatalf("lifted: %+v", view.Overrides)
	}
}

// TestPublishOnAcknowledge: with the page's policy "acknowledged", an
// incident is published when an operator acknowledges it, under its
// default public title, and the timeline says the policy did it; without
// the policy acknowledging publishes nothing.
func TestPublishOnAcknowledge(t *testing.T) {
	ctx := context.Background()
	d := desktest.NewWithOptions(t, desktest.Components, func(o *desk.Options) { o.PublishOnAcknowledge = true })
	inc, err := d.Acknowledge(ctx, 1, "ana", "api:ana")
	if err != nil || inc.PublishedAt == nil || inc.PublicTitle != "Problems with Login" {
		t.Fatalf("acknowledged under the policy: %+v %v", inc, err)
	}
	tl, _ := d.Timeline(ctx, 1)
	published := 0
	for _, e := range tl {
		if e.Kind == stormdesk.KindPublished {
			published++
			if e.Actor != "ana" || !strings.Contains(e.Text, "policy") {
				t.Errorf("publication entry %+v", e)
			}
		}
	}
	if published != 1 {
		t.Errorf("%d publication entries, want 1", published)
	}
	if _, err := d.Publish(ctx, 1, "", "bob"); stormdesk.ErrorCode(err) != stormdesk.ECONFLICT {
		t.Errorf("publishing again by hand: %v", err)
	}

	manual := desktest.New(t)
	if inc, err := manual.Acknowledge(ctx, 1, "ana", "api:ana"); err != nil || inc.PublishedAt != nil {
		t.Fatalf("acknowledged without the policy: %+v %v", inc, err)
	}
}
