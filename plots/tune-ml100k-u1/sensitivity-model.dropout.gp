# Marginal effect: best valid RMSE against model.dropout, one line per model kind. Each point is the mean over other settings, its error bar one standard deviation over other settings.
# Written by cflab report; redraw with: gnuplot sensitivity-model.dropout.gp (from any folder).
here = ARG0[1:strlen(ARG0) - 28]
data = here.'sensitivity-model.dropout.dat'
set encoding utf8
set terminal pngcairo noenhanced size 900,560 font 'sans,10'
set output here.'sensitivity-model.dropout.png'
set title 'Best valid RMSE against model.dropout'
set xlabel 'model.dropout'
set ylabel 'best valid RMSE, mean ± std over other settings'
set grid
set key top right
set autoscale xfix
set offsets graph 0.05, graph 0.05, graph 0.05, graph 0.05
plot data index 0 using 1:2:3 with yerrorlines pointtype 7 linewidth 1.5 linecolor rgb '#1b9e77' title columnheader(2)
unset output
reset
set terminal svg noenhanced size 900,560 font 'sans,10' dynamic
set output here.'sensitivity-model.dropout.svg'
set title 'Best valid RMSE against model.dropout'
set xlabel 'model.dropout'
set ylabel 'best valid RMSE, mean ± std over other settings'
set grid
set key top right
set autoscale xfix
set offsets graph 0.05, graph 0.05, graph 0.05, graph 0.05
plot data index 0 using 1:2:3 with yerrorlines pointtype 7 linewidth 1.5 linecolor rgb '#1b9e77' title columnheader(2)
unset output
reset
