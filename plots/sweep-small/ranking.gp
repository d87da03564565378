# Top-K ranking metrics of run 51, evaluated once at the end on the model it kept (validation users, and test users when the split has a test part).
# Written by cflab report; redraw with: gnuplot ranking.gp (from any folder).
here = ARG0[1:strlen(ARG0) - 10]
data = here.'ranking.dat'
set encoding utf8
set terminal pngcairo noenhanced size 900,560 font 'sans,10'
set output here.'ranking.png'
set title 'Ranking metrics of run 51, evaluated once on the model it kept'
set ylabel 'metric'
set grid ytics
set key top right
set style fill solid 0.7 noborder
set boxwidth 0.35
set yrange [0:*]
set xrange [-0.6:4.6]
plot data using ($1 - 0):2:xtic(4) with boxes linecolor rgb '#333333' title 'validation'
unset output
reset
set terminal svg noenhanced size 900,560 font 'sans,10' dynamic
set output here.'ranking.svg'
set title 'Ranking metrics of run 51, evaluated once on the model it kept'
set ylabel 'metric'
set grid ytics
set key top right
set style fill solid 0.7 noborder
set boxwidth 0.35
set yrange [0:*]
set xrange [-0.6:4.6]
plot data using ($1 - 0):2:xtic(4) with boxes linecolor rgb '#333333' title 'validation'
unset output
reset
