print("sensemaking")
