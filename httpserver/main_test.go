package httpserver_test

import "time"

var testNow = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
