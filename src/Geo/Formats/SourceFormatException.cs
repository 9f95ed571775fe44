namespace OpenFabriques.Geo.Formats;

/// <summary>A file that cannot be read at all in the expected format (a missing required column, …).</summary>
public sealed class SourceFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SourceFormatException() { }

    /// <summary>Creates the exception with a message for people.</summary>
    public SourceFormatException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SourceFormatException(string message, Exception innerException) : base(message, innerException) { }
}
