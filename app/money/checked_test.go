package money

import (
	"errors"
	"testing"
)

// TestAddCheckedRefusesOverflow: sums that fit are exact; one past int64
// is an error, never a negative total.
func TestAddCheckedRefusesOverflow(t *testing.T) {
	got, err := MustParse("999999999999.50").AddChecked(MustParse("0.5"))
	if err != nil || got.String() != "1000000000000.00" {
		t.Errorf("sum = %s, %v", got, err)
	}
	big := MustParse("999999999999.999999")
	sum := big
	for i := 0; i < 20; i++ {
		if sum, err = sum.AddChecked(big); err != nil {
			break
		}
	}
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("20 sums of %s gave %s, %v; want ErrTooLarge", big, sum, err)
	}
}
