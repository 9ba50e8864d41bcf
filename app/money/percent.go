package money

import "math/big"

// PercentOf returns p% of amount, rounded half away from zero to places
// decimal places: a 5% credit on charges of 42,000.00 is 2,100.00. The
// product goes through big.Int so that no pair of realistic figures can
// overflow on the way.
func (p Decimal) PercentOf(amount Decimal, places int) Decimal {
	num := new(big.Int).Mul(big.NewInt(p.units), big.NewInt(amount.units))
	// num is at scale p.scale+amount.scale+2 (the percent divides by 100).
	from := p.scale + amount.scale + 2
	return roundBig(num, from, places)
}

// Round returns d rounded half away from zero to places decimal places.
func (d Decimal) Round(places int) Decimal {
	return roundBig(big.NewInt(d.units), d.scale, places)
}

func roundBig(num *big.Int, from, places int) Decimal {
	if places >= from {
		return Decimal{units: num.Int64(), scale: from}.widen(places)
	}
	div := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(from-places)), nil)
	q, r := new(big.Int).QuoRem(num, div, new(big.Int))
	// Round half away from zero: compare twice the remainder with the divisor.
	r.Abs(r).Lsh(r, 1)
	if r.Cmp(div) >= 0 {
		if num.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return Decimal{units: q.Int64(), scale: places}
}

// widen gives d at least places decimal places, so amounts print as 2,100.00.
func (d Decimal) widen(places int) Decimal {
	if d.scale >= places || places > MaxScale {
		return d
	}
	return Decimal{units: d.rescale(places), scale: places}
}

// Sub returns d - e, exactly.
func (d Decimal) Sub(e Decimal) Decimal { return d.Add(Decimal{units: -e.units, scale: e.scale}) }

// Min returns the smaller of d and e.
func Min(d, e Decimal) Decimal {
	if d.Cmp(e) <= 0 {
		return d
	}
	return e
}
