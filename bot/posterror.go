package bot

import (
	"fmt"
	"time"
)

// PostError is a chat platform's answer to a post or an edit that did not
// go through, classified for the one retry stage (the chat outbox
// dispatcher in notify): Retryable says whether trying again later may
// succeed (rate limits, 5xx, a platform's "try again" codes) and
// RetryAfter how long the platform asked us to wait. The adapters map
// their client library's errors to it; an error that is not a PostError
// (a connection refused, a timeout) is retried too.
type PostError struct {
	Platform string
	// Status is the HTTP status, 0 when none arrived.
	Status int
	Retry  bool
	After  time.Duration
	Err    error
}

func (e *PostError) Error() string {
	if e.Status == 0 {
		return fmt.Sprintf("%s: %v", e.Platform, e.Err)
	}
	return fmt.Sprintf("%s: status %d: %v", e.Platform, e.Status, e.Err)
}

func (e *PostError) Unwrap() error { return e.Err }

// Retryable reports whether the post may succeed later.
func (e *PostError) Retryable() bool { return e.Retry }

// RetryAfter is how long the platform asked to wait (zero: not said).
func (e *PostError) RetryAfter() time.Duration { return e.After }

// HTTPStatus is the platform's HTTP status (0 when none arrived).
func (e *PostError) HTTPStatus() int { return e.Status }
