using OpenFabriques.Geo.Model;

namespace OpenFabriques.Web.Import;

/// <summary>What one import did: counts by outcome, every rejected row and every warning with its line.</summary>
public sealed record ImportReport
{
    /// <summary>The row of <c>imports</c> recording this load; null when nothing was written (strict rejection).</summary>
    public long? ImportId { get; init; }
    public required string Source { get; init; }
    public int Read { get; init; }
    public int Inserted { get; init; }
    public int Updated { get; init; }

    /// <summary>Records added that joined a place another source already lists (so added no place).</summary>
    public int Fusionnes { get; init; }
    public int Unchanged { get; init; }
    public int Withdrawn { get; init; }
    public IReadOnlyList<RowError> Rejected { get; init; } = [];
    public IReadOnlyList<RowError> Warnings { get; init; } = [];

    /// <summary>Why nothing was written, when the whole file was refused (--strict).</summary>
    public string? RefusedBecause { get; init; }

    /// <summary>Why --prune was not applied, when it was asked for and not applied.</summary>
    public string? PruneSkippedBecause { get; init; }

    /// <summary>How long the load took, up to the commit of the places.</summary>
    public TimeSpan? Duree { get; init; }

    /// <summary>The recomputation of the distance coverage that followed, when the places changed.</summary>
    public Couverture.CalculDistances? Distances { get; init; }

    /// <summary>Why the distances were not computed after the places changed (the portal will compute them).</summary>
    public string? DistancesNonCalculees { get; init; }

    /// <summary>Records accepted and loaded (inserted, updated or unchanged).</summary>
    public int Loaded => Inserted + Updated + Unchanged;
}

/// <summary>How to load: withdraw what the file no longer has, refuse the file on any bad row, report progress.</summary>
public sealed record LoadOptions
{
    public bool Prune { get; init; }
    public bool Strict { get; init; }

    /// <summary>Receives the number of rows read so far.</summary>
    public IProgress<long>? Progress { get; init; }

    /// <summary>How far outside its coded département a point may lie before it is reported, in metres.</summary>
    public double FarFromDepartementMetres { get; init; } = 20_000;

    /// <summary>The date of the source's data (its registry date): ranks its records against other sources' where rows give no date.</summary>
    public DateOnly? DateDonnees { get; init; }
}
