module 0init/earlylocale

go 1.26
