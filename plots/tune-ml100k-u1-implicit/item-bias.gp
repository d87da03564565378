# The 10 highest and 10 lowest item biases of run 7, among items with at least 20 training ratings.
# Written by cflab report; redraw with: gnuplot item-bias.gp (from any folder).
here = ARG0[1:strlen(ARG0) - 12]
data = here.'item-bias.dat'
set encoding utf8
set terminal pngcairo noenhanced size 1000,640 font 'sans,10'
set output here.'item-bias.png'
set title 'Highest and lowest item biases of run 7 (items with at least 20 ratings)'
set xlabel 'item bias'
unset key
set grid x
set ytics font ',8'
set lmargin 32
set style fill solid 0.7 noborder
set yrange [-0.6:20 - 0.4]
plot data using ($2 / 2):1:(0 < $2 ? 0 : $2):(0 < $2 ? $2 : 0):($1 - 0.4):($1 + 0.4):ytic(3) with boxxyerror linecolor rgb '#333333'
unset output
reset
set terminal svg noenhanced size 1000,640 font 'sans,10' dynamic
set output here.'item-bias.svg'
set title 'Highest and lowest item biases of run 7 (items with at least 20 ratings)'
set xlabel 'item bias'
unset key
set grid x
set ytics font ',8'
set lmargin 32
set style fill solid 0.7 noborder
set yrange [-0.6:20 - 0.4]
plot data using ($2 / 2):1:(0 < $2 ? 0 : $2):(0 < $2 ? $2 : 0):($1 - 0.4):($1 + 0.4):ytic(3) with boxxyerror linecolor rgb '#333333'
unset output
reset
