# Turns a MITLL-UA sightings transcription (simulator/src/main/resources/.../radio/mitll-ua-*-sightings.txt) into the raw
# field-data CSV (pair_id,distance_m,time_s,attenuation_db) that FieldDataCsv reads: attenuation = TX - (mean RSSI + offset).
# Usage: python3 mitll-ua-sightings-to-csv.py SIGHTINGS.txt > OUT.csv (then prepend the citation header).
import sys
def secs(t): h,m,s=map(int,t.split(':')); return h*3600+m*60+s
print("pair_id,distance_m,time_s,attenuation_db")
for line in open(sys.argv[1]):
    if line.startswith('#') or not line.strip(): continue
    test,start,sick,tx,rx,off,d,t,rssi=line.strip().split(',')
    v=[int(x) for x in rssi.split()]
    mean=sum(v)/len(v)
    att=int(tx)-(mean+int(off))
    print(f"{test}-{sick}-{rx},{d},{secs(t)-secs(start)},{att:.1f}")
