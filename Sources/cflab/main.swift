import CFCore
print("cflab")
