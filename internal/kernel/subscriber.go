package kernel

import (
	"time"
)

// firstSubscriberWait bounds how long the first request waits for an
// iopub subscriber.
const firstSubscriberWait = time.Second

// topicLister is what zmq4's PUB socket offers beyond zmq4.Socket: the
// topics its subscribers asked for.
type topicLister interface{ Topics() []string }

// awaitFirstSubscriber holds the very first request's busy status until an
// iopub subscriber is connected (at most firstSubscriberWait). Clients call
// a kernel ready when kernel_info is answered AND an iopub message
// arrived; a PUB socket drops what it publishes before the subscription
// reaches it, which costs a client a retry round (0.2–1 s) at launch.
func (k *Kernel) awaitFirstSubscriber() {
	k.subscriberOnce.Do(func() {
		pub, ok := k.iopub.zs.(topicLister)
		if !ok {
			return
		}
		deadline := time.Now().Add(firstSubscriberWait)
		for len(pub.Topics()) == 0 && time.Now().Before(deadline) {
			time.Sleep(2 * time.Millisecond)
		}
	})
}
