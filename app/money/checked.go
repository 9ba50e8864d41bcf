package money

import (
	"math"
	"math/big"
)

// AddChecked returns d + e, or ErrTooLarge when the exact sum does not
// fit: a total over many months must never wrap round to a negative
// number that reads as a real figure.
func (d Decimal) AddChecked(e Decimal) (Decimal, error) {
	scale := max(d.scale, e.scale)
	sum := new(big.Int).Add(bigAt(d, scale), bigAt(e, scale))
	if !sum.IsInt64() || sum.Int64() == math.MinInt64 {
		return Decimal{}, ErrTooLarge
	}
	return Decimal{units: sum.Int64(), scale: scale}, nil
}

// bigAt is d's units at a larger scale, exactly.
func bigAt(d Decimal, scale int) *big.Int {
	u := big.NewInt(d.units)
	if scale > d.scale {
		u.Mul(u, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(scale-d.scale)), nil))
	}
	return u
}

// Scale is the number of decimal places d was written with.
func (d Decimal) Scale() int { return d.scale }
