// Package datasets embeds the two public credit-risk data sets gotrain ships
// with, so that the tutorials and `gotrain data generate` work on a fresh
// machine without downloads. README.md beside this file gives their sources
// and licences (UCI Machine Learning Repository, CC BY 4.0); the files are
// kept exactly as published.
package datasets

import (
	_ "embed"
	"fmt"
	"os"
)

// GermanCredit is the Statlog (German Credit Data) set: 1,000 rows, 20
// space-separated attributes and the class (1 = good, 2 = bad), no header.
//
//go:embed german.data
var GermanCredit []byte

// GermanCreditColumns names German credit's 21 columns in order, as the
// reference workflow does; the last one, credit, is the class.
var GermanCreditColumns = []string{
	"checking_account", "duration", "credit_history", "purpose", "credit_amount",
	"savings", "employment_since", "installment_rate", "status", "debtors_guarantors",
	"residence", "property", "age", "other_installments", "housing", "credits",
	"job", "dependents", "telephone", "foreign_worker", "credit",
}

// GermanCreditNumeric names German credit's numeric columns; the others are
// categorical codes such as A11.
var GermanCreditNumeric = []string{
	"duration", "credit_amount", "installment_rate", "residence", "age", "credits", "dependents",
}

// UCICreditCard is the Default of Credit Card Clients set (Taiwan, 2005):
// 30,000 rows, a header, comma-separated; the label is
// default.payment.next.month and ID is a row identifier.
//
//go:embed UCI_Credit_Card.csv
var UCICreditCard []byte

// WriteGermanCredit writes German credit, byte for byte as distributed
// (german.data: space-separated, no header, the class last), to path unless
// a file is already there, and returns path: the "your own data" tutorial
// starts from it as a user starts from a download.
func WriteGermanCredit(path string) (string, error) {
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	if err := os.WriteFile(path, GermanCredit, 0o644); err != nil {
		return "", fmt.Errorf("datasets: %w", err)
	}
	return path, nil
}
