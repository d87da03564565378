# Valid RMSE per epoch of the 8 best of 120 configurations (by best valid RMSE), one colour per configuration: mean over seeds, with a band from min to max. The other 112 are the thin grey lines. The y-axis fits the 8 in colour from their second epoch on, so a grey curve or a first epoch above it is cut at the top.
# Written by cflab report; redraw with: gnuplot overlay.gp (from any folder).
here = ARG0[1:strlen(ARG0) - 10]
data = here.'overlay.dat'
set encoding utf8
set terminal pngcairo noenhanced size 1100,620 font 'sans,10'
set output here.'overlay.png'
set title 'Valid RMSE per epoch, one colour per configuration (the 8 best of 120 configurations in colour)'
set xlabel 'epoch'
set ylabel 'valid RMSE'
set grid
set key below font ',9' maxrows 5 height 1
set xtics 1
set xrange [0.5:20.5]
set yrange [0.915706588:0.963649757]
plot data index 8 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' title '112 other configurations', \
     data index 9 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 10 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 11 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 12 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 13 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 14 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 15 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 16 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 17 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 18 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 19 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 20 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 21 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 22 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 23 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 24 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 25 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 26 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 27 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 28 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 29 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 30 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 31 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 32 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 33 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 34 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 35 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 36 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 37 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 38 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 39 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 40 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 41 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 42 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 43 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 44 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 45 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 46 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 47 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 48 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 49 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 50 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 51 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 52 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 53 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 54 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 55 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 56 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 57 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 58 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 59 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 60 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 61 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 62 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 63 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 64 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 65 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 66 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 67 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 68 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 69 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 70 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 71 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 72 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 73 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 74 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 75 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 76 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 77 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 78 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 79 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 80 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 81 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 82 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 83 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 84 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 85 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 86 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 87 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 88 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 89 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 90 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 91 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 92 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 93 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 94 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 95 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 96 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 97 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 98 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 99 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 100 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 101 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 102 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 103 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 104 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 105 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 106 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 107 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 108 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 109 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 110 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 111 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 112 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 113 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 114 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 115 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 116 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 117 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 118 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 119 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 0 using 1:3:4 with filledcurves fillcolor rgb '#1b9e77' fillstyle transparent solid 0.12 noborder notitle, \
     data index 0 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#1b9e77' dashtype 1 title columnheader(2), \
     data index 1 using 1:3:4 with filledcurves fillcolor rgb '#d95f02' fillstyle transparent solid 0.12 noborder notitle, \
     data index 1 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#d95f02' dashtype 1 title columnheader(2), \
     data index 2 using 1:3:4 with filledcurves fillcolor rgb '#7570b3' fillstyle transparent solid 0.12 noborder notitle, \
     data index 2 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#7570b3' dashtype 1 title columnheader(2), \
     data index 3 using 1:3:4 with filledcurves fillcolor rgb '#e7298a' fillstyle transparent solid 0.12 noborder notitle, \
     data index 3 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#e7298a' dashtype 1 title columnheader(2), \
     data index 4 using 1:3:4 with filledcurves fillcolor rgb '#66a61e' fillstyle transparent solid 0.12 noborder notitle, \
     data index 4 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#66a61e' dashtype 1 title columnheader(2), \
     data index 5 using 1:3:4 with filledcurves fillcolor rgb '#e6ab02' fillstyle transparent solid 0.12 noborder notitle, \
     data index 5 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#e6ab02' dashtype 1 title columnheader(2), \
     data index 6 using 1:3:4 with filledcurves fillcolor rgb '#a6761d' fillstyle transparent solid 0.12 noborder notitle, \
     data index 6 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#a6761d' dashtype 1 title columnheader(2), \
     data index 7 using 1:3:4 with filledcurves fillcolor rgb '#1f78b4' fillstyle transparent solid 0.12 noborder notitle, \
     data index 7 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#1f78b4' dashtype 1 title columnheader(2)
unset output
reset
set terminal svg noenhanced size 1100,620 font 'sans,10' dynamic
set output here.'overlay.svg'
set title 'Valid RMSE per epoch, one colour per configuration (the 8 best of 120 configurations in colour)'
set xlabel 'epoch'
set ylabel 'valid RMSE'
set grid
set key below font ',9' maxrows 5 height 1
set xtics 1
set xrange [0.5:20.5]
set yrange [0.915706588:0.963649757]
plot data index 8 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' title '112 other configurations', \
     data index 9 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 10 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 11 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 12 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 13 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 14 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 15 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 16 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 17 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 18 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 19 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 20 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 21 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 22 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 23 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 24 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 25 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 26 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 27 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 28 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 29 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 30 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 31 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 32 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 33 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 34 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 35 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 36 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 37 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 38 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 39 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 40 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 41 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 42 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 43 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 44 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 45 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 46 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 47 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 48 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 49 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 50 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 51 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 52 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 53 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 54 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 55 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 56 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 57 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 58 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 59 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 60 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 61 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 62 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 63 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 64 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 65 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 66 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 67 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 68 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 69 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 70 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 71 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 72 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 73 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 74 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 75 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 76 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 77 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 78 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 79 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 80 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 81 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 82 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 83 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 84 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 85 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 86 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 87 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 88 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 89 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 90 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 91 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 92 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 93 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 94 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 95 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 96 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 97 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 98 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 99 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 100 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 101 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 102 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 103 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 104 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 105 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 106 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 107 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 108 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 109 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 110 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 111 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 112 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 113 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 114 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 115 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 116 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 117 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 118 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 119 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 0 using 1:3:4 with filledcurves fillcolor rgb '#1b9e77' fillstyle transparent solid 0.12 noborder notitle, \
     data index 0 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#1b9e77' dashtype 1 title columnheader(2), \
     data index 1 using 1:3:4 with filledcurves fillcolor rgb '#d95f02' fillstyle transparent solid 0.12 noborder notitle, \
     data index 1 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#d95f02' dashtype 1 title columnheader(2), \
     data index 2 using 1:3:4 with filledcurves fillcolor rgb '#7570b3' fillstyle transparent solid 0.12 noborder notitle, \
     data index 2 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#7570b3' dashtype 1 title columnheader(2), \
     data index 3 using 1:3:4 with filledcurves fillcolor rgb '#e7298a' fillstyle transparent solid 0.12 noborder notitle, \
     data index 3 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#e7298a' dashtype 1 title columnheader(2), \
     data index 4 using 1:3:4 with filledcurves fillcolor rgb '#66a61e' fillstyle transparent solid 0.12 noborder notitle, \
     data index 4 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#66a61e' dashtype 1 title columnheader(2), \
     data index 5 using 1:3:4 with filledcurves fillcolor rgb '#e6ab02' fillstyle transparent solid 0.12 noborder notitle, \
     data index 5 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#e6ab02' dashtype 1 title columnheader(2), \
     data index 6 using 1:3:4 with filledcurves fillcolor rgb '#a6761d' fillstyle transparent solid 0.12 noborder notitle, \
     data index 6 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#a6761d' dashtype 1 title columnheader(2), \
     data index 7 using 1:3:4 with filledcurves fillcolor rgb '#1f78b4' fillstyle transparent solid 0.12 noborder notitle, \
     data index 7 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#1f78b4' dashtype 1 title columnheader(2)
unset output
reset
