package notifytest_test

import (
	"testing"

	"stormdesk/notify/notifytest"
	"stormdesk/store/storetest"
)

func TestMemoryOutboxContract(t *testing.T) {
	storetest.RunOutboxContract(t, func(*testing.T) storetest.OutboxStore { return notifytest.NewMemory() })
}
