# Makes the golden .npy files of NpyFileTest with numpy (run once; the outputs are committed):
#   cd core/src/test/resources/npy && /usr/bin/python3 make_npy.py
import numpy as np
from numpy.lib import format as fmt

a = (np.arange(12, dtype=np.float32).reshape(3, 4) - 5.5) / 4   # exact in binary
np.save("f4_3x4.npy", a)
np.save("f8_2x3.npy", np.array([[0.1, -2.5, 1e10], [3.0, 0.0, -0.0]], dtype="<f8"))
np.save("i8_2x3.npy", np.array([[0, 1, -1], [2**40, 7, 9]], dtype="<i8"))
for version in [(2, 0), (3, 0)]:
    with open("f4_3x4_v%d.npy" % version[0], "wb") as f:
        fmt.write_array(f, a, version=version)
np.save("empty_0x5.npy", np.zeros((0, 5), dtype=np.float32))
np.save("fortran_3x4.npy", np.asfortranarray(a))
np.save("three_d.npy", np.zeros((2, 2, 2), dtype=np.float32))
np.save("one_d.npy", np.zeros(4, dtype=np.float32))
np.save("big_endian.npy", a.astype(">f4"))
np.save("int32.npy", np.zeros((2, 2), dtype="<i4"))
