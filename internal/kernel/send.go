package kernel

import (
	"encoding/json"
	"time"

	"github.com/google/uuid"

	"github.com/gotrain/gotrain/internal/kernel/wire"
)

// newMessage builds a message of msgType with a fresh msg_id.
func (k *Kernel) newMessage(msgType string, parent wire.Header, content any) (wire.Message, error) {
	raw, err := json.Marshal(content)
	if err != nil {
		return wire.Message{}, err
	}
	return wire.Message{
		Header:   wire.NewHeader(uuid.NewString(), k.session, msgType, time.Now()),
		Parent:   parent,
		Metadata: map[string]any{},
		Content:  raw,
	}, nil
}

// sendTo encodes and sends a message on s to identities.
func (k *Kernel) sendTo(s *socket, identities [][]byte, msgType string, parent wire.Header, content any) {
	m, err := k.newMessage(msgType, parent, content)
	if err != nil {
		k.log.Printf("%s: encode %s: %v", s.name, msgType, err)
		return
	}
	m.Identities = identities
	frames, err := wire.Encode(m, k.key)
	if err != nil {
		k.log.Printf("%s: encode %s: %v", s.name, msgType, err)
		return
	}
	if err := s.send(frames); err != nil {
		k.log.Printf("%s: send %s: %v", s.name, msgType, err)
	}
}

// reply answers req on the socket it came in on, to its identities.
func (k *Kernel) reply(s *socket, req wire.Message, msgType string, content any) {
	k.sendTo(s, req.Identities, msgType, req.Header, content)
}

// publish sends an iopub message whose parent is parent. The topic frame is
// the message type, as ipykernel does.
func (k *Kernel) publish(parent wire.Header, msgType string, content any) {
	k.sendTo(k.iopub, [][]byte{[]byte("kernel." + k.session[:8] + "." + msgType)}, msgType, parent, content)
}

// publishStatus publishes an execution_state.
func (k *Kernel) publishStatus(parent wire.Header, state string) {
	k.publish(parent, wire.Status, wire.StatusContent{ExecutionState: state})
}

// busy publishes busy for req and returns a func publishing idle.
func (k *Kernel) busy(req wire.Message) func() {
	k.awaitFirstSubscriber()
	k.publishStatus(req.Header, wire.StateBusy)
	return func() { k.publishStatus(req.Header, wire.StateIdle) }
}
