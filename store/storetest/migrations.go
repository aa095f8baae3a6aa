package storetest

import (
	"context"
	"encoding/json"
	"testing"

	"stormdesk"
)

// CheckCarriedValidators checks a store migrated through 0019 from a
// schema where watch_states held "auth0" with the ETag W/"1" and a
// Last-Modified, and "probe" with neither: auth0's validators are now the
// upstream fetcher's encoding of the two (JSON with etag and
// last_modified, the field names of upstream.Validators, which the store
// must not import), probe has none.
func CheckCarriedValidators(t *testing.T, s stormdesk.Store) {
	t.Helper()
	ctx := context.Background()
	var all []*stormdesk.WatchState
	if err := s.View(ctx, func(tx stormdesk.Tx) (err error) { all, err = tx.WatchStates(ctx); return err }); err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || all[0].Name != "auth0" || all[1].Name != "probe" {
		t.Fatalf("watch states after the migration: %+v", all)
	}
	var v struct {
		ETag         string `json:"etag"`
		LastModified string `json:"last_modified"`
	}
	if err := json.Unmarshal(all[0].Validators, &v); err != nil || v.ETag != `W/"1"` || v.LastModified != "Mon, 02 Jan 2006 15:04:05 GMT" {
		t.Errorf("carried validators %q (%v), want the ETag and Last-Modified as JSON", all[0].Validators, err)
	}
	if len(all[1].Validators) != 0 {
		t.Errorf("a state without validators got %q", all[1].Validators)
	}
}
