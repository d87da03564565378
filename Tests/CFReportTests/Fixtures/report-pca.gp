# PC1 against PC2 of run 4?s embeddings of the 24 items with at least 20 training ratings (the basis of cflab inspect --min-ratings 20), labelled with the 5 most-rated titles? each component?s largest loading is positive.
# Written by cflab report; redraw with: gnuplot pca.gp (from any folder).
here = ARG0[1:strlen(ARG0) - 6]
data = here.'pca.dat'
set encoding utf8
set terminal pngcairo noenhanced size 1000,760 font 'sans,10'
set output here.'pca.png'
set title 'Item embeddings of run 4 on the first two principal components'
set xlabel 'PC1 (87.7% of variance)'
set ylabel 'PC2 (12.3% of variance)'
set grid
set key top right
plot data index 0 using 1:2 with points pointtype 7 pointsize 0.4 linecolor rgb '#bbbbbb' title 'items', \
     data index 1 using 1:2 with points pointtype 7 pointsize 0.8 linecolor rgb '#d95f02' title 'most rated', \
     data index 1 using 1:2:3 with labels left offset 0.6,0.3 font ',8' notitle
unset output
reset
set terminal svg noenhanced size 1000,760 font 'sans,10' dynamic
set output here.'pca.svg'
set title 'Item embeddings of run 4 on the first two principal components'
set xlabel 'PC1 (87.7% of variance)'
set ylabel 'PC2 (12.3% of variance)'
set grid
set key top right
plot data index 0 using 1:2 with points pointtype 7 pointsize 0.4 linecolor rgb '#bbbbbb' title 'items', \
     data index 1 using 1:2 with points pointtype 7 pointsize 0.8 linecolor rgb '#d95f02' title 'most rated', \
     data index 1 using 1:2:3 with labels left offset 0.6,0.3 font ',8' notitle
unset output
reset
