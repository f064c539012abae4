package wire_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/gotrain/gotrain/internal/kernel/wire"
)

// A client's execute_request, signed, decoded by the kernel; its content
// parsed with the protocol's defaults filled in.
func Example() {
	key := []byte("secret from the connection file")
	req := wire.Message{
		Identities: [][]byte{[]byte("client")},
		Header:     wire.NewHeader("msg-1", "session-1", wire.ExecuteRequest, time.Unix(0, 0)),
		Content:    json.RawMessage(`{"code": "1+1"}`),
	}
	frames, _ := wire.Encode(req, key)
	fmt.Println(len(frames), "frames:", string(frames[0]), string(frames[1]))

	msg, err := wire.Decode(frames, key)
	if err != nil {
		fmt.Println(err)
		return
	}
	c, _ := wire.ParseExecuteRequest(msg.Content)
	fmt.Printf("%s %q store_history=%v allow_stdin=%v stop_on_error=%v\n",
		msg.Header.MsgType, c.Code, c.StoreHistory, c.AllowStdin, c.StopOnError)

	frames[len(frames)-1] = []byte(`{"code": "os.Exit(1)"}`) // tampered in transit
	_, err = wire.Decode(frames, key)
	fmt.Println(err != nil)
	// Output:
	// 7 frames: client <IDS|MSG>
	// execute_request "1+1" store_history=true allow_stdin=true stop_on_error=true
	// true
}
