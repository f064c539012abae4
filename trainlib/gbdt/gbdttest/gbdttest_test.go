package gbdttest

import "testing"

func TestInProcessHolders(t *testing.T) { SameModel(t, InProcess) }
