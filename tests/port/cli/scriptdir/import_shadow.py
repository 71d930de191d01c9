import shadow, only_in_b
print(shadow.WHERE, only_in_b.WHERE)
