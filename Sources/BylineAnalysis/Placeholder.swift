// Article analysis: pure text in, structured analysis out.
